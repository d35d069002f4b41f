import { and, eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { issueAccountLink } from '../../src/accounts/account-links.js';
import { publishCard, saveCard } from '../../src/cards/actions.js';
import { STRATEGY_KEY } from '../../src/cards/cards.js';
import { openAnswers } from '../../src/results/open-answers.js';
import { createDraft } from '../../src/catalogue/owned-versions.js';
import { members, networks, rounds, type Language } from '../../src/db/schema/index.js';
import { grantDemoAccess, seedDemo } from '../../src/demo/seed.js';
import { noticeKey } from '../../src/privacy/notice-link.js';
import { createReportLink } from '../../src/reports/report-links.js';
import { fixedClock } from './app.js';
import { axeViolations, WCAG21_AA } from './axe.js';
import { openBrowserWorld, type BrowserWorld } from './browser.js';
import { openRound } from './open-round.js';
import { signedInUser, type SignedIn } from './people.js';
import { markAnswered } from './receipts.js';

/*
 * Every page type, filled with the demo network, for the accessibility and
 * reflow sweeps: one browser, one tab per language and size (signed out and
 * signed in as the demo's coordinator), reused from page to page.
 */

/** `ready` waits for a script-built page; `submitEmpty` skips the optional background page and goes on from the first required one unanswered. */
export type Sweep = { path: string; signedIn: boolean; ready?: string; submitEmpty?: boolean };


/** SurveyJS's wording, except the Finnish one, which we set. */
export const REQUIRED_MESSAGE = { fi: 'Vastaa tähän kysymykseen.', sv: 'Besvara den här frågan.', en: 'Please answer this question.' };

export type Viewport = { width: number; height: number };

export type SweepWorld = {
  world: BrowserWorld;
  coordinator: SignedIn;
  /** The pages in one language: the answer pages speak their member's language, so each language has its own links. */
  sweepIn: (lang: Language) => Sweep[];
};

export async function openSweepWorld(): Promise<SweepWorld> {
  const world = await openBrowserWorld('answer.js', { clock: fixedClock('2026-11-01T09:00:00.000Z') });
  const { t } = world;
  const { db, catalogue, clock, secretKey } = t.deps;
  const coordinator = await signedInUser(t, 'koordinaattori@kunta.example', { isAdmin: true });
  const { networkId } = await seedDemo(db, catalogue, clock);
  await grantDemoAccess(db, networkId);
  await db
    .update(networks)
    .set({ privacyNotice: { controller: 'Järvenseudun kunta', contactName: 'Tiina Tietosuoja', contactEmail: 'tietosuoja@jarvenseutu.example', protectionOfficer: '', additional: '', publishedAt: '2026-10-01T10:00:00.000Z' } })
    .where(eq(networks.id, networkId));
  const [round] = await db.select({ id: rounds.id }).from(rounds).where(eq(rounds.networkId, networkId)).orderBy(rounds.id);
  const all = await db.select({ id: rounds.id, key: rounds.questionnaireKey }).from(rounds).where(eq(rounds.networkId, networkId)).orderBy(rounds.id);
  const [before, after] = all.filter((r) => r.key === 'network-rules');
  // The demo's strategy round gets a published card quoting two of its shown open answers.
  const [demoNetwork] = await db.select().from(networks).where(eq(networks.id, networkId));
  const [strategy] = await db.select().from(rounds).where(and(eq(rounds.networkId, networkId), eq(rounds.questionnaireKey, STRATEGY_KEY)));
  const shown = (await openAnswers(db, catalogue, demoNetwork!, strategy!)).items.filter((item) => !item.withheld);
  const quotes = shown.slice(0, 2).map((item) => ({ itemKey: item.itemKey, text: item.answers[0]! }));
  const cardTexts = { members: 'Kahdeksan koulua ja kolmen kunnan sivistystoimi.', goals: 'Yhteinen oppimisen kulttuuri.', organisation: 'Ohjausryhmä ja kolme tiimiä.', image: 'Avoin kumppani.' };
  const cardActor = { userId: coordinator.userId, name: 'Koordinaattori' };
  await saveCard(t.deps, demoNetwork!, strategy!, { texts: cardTexts, quotes }, cardActor);
  await publishCard(t.deps, demoNetwork!, strategy!, cardActor);
  const [member] = await db.select({ id: members.id }).from(members).where(eq(members.networkId, networkId)).orderBy(members.id);
  const { token } = await createReportLink(db, clock, secretKey, networkId, coordinator.userId, { label: 'Lautakunta', expiresOn: '2026-12-31', roundIds: null });
  const answerLinks = async (memberLanguage: Language) => {
    const options = { collectSegments: true, networkLanguages: ['fi', 'sv', 'en'] as Language[], memberLanguage };
    const open = await openRound(t, options);
    const answered = await openRound(t, options);
    await markAnswered(t.deps, answered.round.id, answered.token, '2026-10-30');
    const closed = await openRound(t, { ...options, opensAt: '2026-10-01T06:00:00.000Z', closesAt: '2026-10-20T16:00:00.000Z' });
    return { open: open.path, answered: answered.path, closed: closed.path };
  };
  const links = { fi: await answerLinks('fi'), sv: await answerLinks('sv'), en: await answerLinks('en') };

  const base = `/networks/${networkId}`;
  const inside = (path: string, ready?: string): Sweep => ({ path, signedIn: true, ready });
  const outside = (path: string, ready?: string): Sweep => ({ path, signedIn: false, ready });
  const resetToken = await issueAccountLink(db, clock, secretKey, 'password_reset', 3_600_000, { userId: coordinator.userId });
  const v1 = catalogue.find('network-rules', 1)!;
  const reworded = structuredClone(v1.json) as { pages: Array<{ elements: Array<{ title: Record<string, string> }> }> };
  reworded.pages[1]!.elements[0]!.title.fi = 'Verkostomme tavoitteet näkyvät jokaisen koulun arjessa.';
  const draft = await createDraft(db, clock, networkId, coordinator.userId, { key: 'network-rules', parentVersion: 1, json: reworded as unknown as Record<string, unknown> });
  const sweepIn = (lang: Language): Sweep[] => [
    outside('/login'),
    outside('/reset'),
    outside(`/reset/${resetToken}`),
    outside('/setup/no-such-link'),
    outside(`/r/${token}`),
    outside(links[lang].open, '.sd-root-modern'),
    { ...outside(links[lang].open, '.sd-root-modern'), submitEmpty: true },
    outside(links[lang].answered),
    outside(links[lang].closed),
    outside(`/privacy/${noticeKey(secretKey, networkId)}`),
    outside('/accessibility'),
    outside('/no-such-page'),
    inside('/account'),
    inside('/networks'),
    inside('/networks/new'),
    inside(base),
    inside(`${base}/settings`),
    inside(`${base}/members`),
    inside(`${base}/members/${member!.id}`),
    inside(`${base}/members/${member!.id}/erase`),
    inside(`${base}/members/import`),
    inside(`${base}/members/do-not-invite`),
    inside(`${base}/people`),
    inside(`${base}/rounds`),
    inside(`${base}/rounds/${round!.id}`),
    inside(`${base}/rounds/new`),
    inside(`${base}/outbox`),
    inside(`${base}/audit`),
    inside(`${base}/results`),
    inside(`${base}/results/rounds/${after!.id}`),
    inside(`${base}/results/rounds/${after!.id}?segment=organisationType`),
    inside(`${base}/results/rounds/${after!.id}/heatmap`),
    inside(`${base}/results/rounds/${after!.id}/heatmap?by=share`),
    inside(`${base}/results/compare?before=${before!.id}&after=${after!.id}`),
    inside(`${base}/results/trend`),
    inside(`${base}/results/rounds/${after!.id}/open-answers`),
    inside(`${base}/agenda`),
    inside(`${base}/agenda/candidates`),
    inside(`${base}/reports`),
    inside(`${base}/report`),
    inside(`${base}/card`),
    inside(`${base}/card/rounds/${strategy!.id}`),
    inside(`${base}/card/rounds/${strategy!.id}/edit`),
    inside(`${base}/privacy/notice`),
    inside(`${base}/privacy/access`),
    inside('/admin'),
    inside('/catalogue'),
    inside('/catalogue/network-rules/v1'),
    inside('/catalogue/network-rules/v1/preview', '.sd-root-modern'),
    inside(`${base}/questionnaires`),
    inside(`${base}/questionnaires/${draft.id}`),
  ];
  return { world, coordinator, sweepIn };
}

/** Two tabs in one language and size: one signed out, one signed in as the demo's coordinator. */
async function tabs({ world, coordinator }: SweepWorld, lang: Language, viewport: Viewport, textSpacing: boolean) {
  const host = new URL(world.server.url).hostname;
  const contexts: BrowserContext[] = [];
  const tab = async (signedIn: boolean) => {
    const context = await world.browser.newContext({ viewport });
    if (textSpacing) await context.addInitScript(TEXT_SPACING);
    contexts.push(context);
    const cookies: Array<{ name: string; value: string; domain: string; path: string }> = [{ name: 'lang', value: lang, domain: host, path: '/' }];
    if (signedIn) cookies.push({ name: 'vp_session', value: coordinator.cookie.split('=')[1]!, domain: host, path: '/' });
    await context.addCookies(cookies);
    return context.newPage();
  };
  const [signedOut, signedIn] = [await tab(false), await tab(true)];
  return { pick: (s: Sweep) => (s.signedIn ? signedIn : signedOut), close: () => Promise.all(contexts.map((c) => c.close())) };
}

/**
 * WCAG 1.4.12: line height 1.5, paragraph spacing 2 em, letter spacing
 * 0.12 em, word spacing 0.16 em, applied as a user style sheet would be.
 */
const TEXT_SPACING = `document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
  document.head.append(style);
});`;

export type SweepOptions = { viewport: Viewport; textSpacing?: boolean; axe?: boolean };

/** The sweep's findings for one language and viewport, as "path: problem" lines: axe's serious and critical ones, and sideways scrolling. */
export async function findings(sweep: SweepWorld, lang: Language, entries: Sweep[], { viewport, textSpacing = false, axe = true }: SweepOptions): Promise<string[]> {
  const { world } = sweep;
  const { pick, close } = await tabs(sweep, lang, viewport, textSpacing);
  const found: string[] = [];
  for (const entry of entries) {
    const page = pick(entry);
    const response = await page.goto(`${world.server.url}${entry.path}`);
    if (!response || response.status() >= 500) found.push(`${entry.path}: HTTP ${response?.status()}`);
    if (entry.ready) await page.locator(entry.ready).first().waitFor();
    if (entry.submitEmpty) {
      await page.locator('.sd-navigation__next-btn').click();
      await page.locator('.sd-navigation__next-btn').click();
      await page.locator('.sd-question__erbox').first().waitFor();
      const message = await page.locator('.sd-question__erbox').first().textContent();
      if (message !== REQUIRED_MESSAGE[lang]) found.push(`${entry.path}: the required-answer message reads "${message}"`);
    }
    if (axe) for (const violation of await axeViolations(page, 'serious', WCAG21_AA)) found.push(`${entry.path}: ${violation}`);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (width.scroll > width.inner) found.push(`${entry.path}: ${width.scroll} px wide in a ${width.inner} px window`);
  }
  await close();
  return found;
}

