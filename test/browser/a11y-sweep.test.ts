import { eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, networks, rounds, type Language } from '../../src/db/schema/index.js';
import { grantDemoAccess, seedDemo } from '../../src/demo/seed.js';
import { noticeKey } from '../../src/privacy/notice-link.js';
import { createReportLink } from '../../src/reports/report-links.js';
import { fixedClock } from '../helpers/app.js';
import { axeViolations, WCAG21_AA } from '../helpers/axe.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';
import { openRound } from '../helpers/open-round.js';
import { signedInUser, type SignedIn } from '../helpers/people.js';
import { markAnswered } from '../helpers/receipts.js';

/*
 * Every page type, filled with the demo network, in each language at a desktop
 * and a phone size: no serious or critical axe finding (WCAG 2.1 A and AA) and
 * no horizontal scrolling (reflow, WCAG 1.4.10). One browser; one tab per
 * language and size, reused from page to page.
 */

/** `ready` waits for a script-built page; `submitEmpty` skips the optional background page and goes on from the first required one unanswered. */
type Sweep = { path: string; signedIn: boolean; ready?: string; submitEmpty?: boolean };

let world: BrowserWorld;
let coordinator: SignedIn;
/** The pages in one language: the answer pages speak their member's language, so each language has its own links. */
let sweepIn: (lang: Language) => Sweep[];

/** SurveyJS's wording, except the Finnish one, which we set. */
const REQUIRED_MESSAGE = { fi: 'Vastaa tähän kysymykseen.', sv: 'Frågan är obligatorisk.', en: 'Response required.' };

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;

beforeAll(async () => {
  world = await openBrowserWorld('answer.js', { clock: fixedClock('2026-11-01T09:00:00.000Z') });
  const { t } = world;
  const { db, catalogue, clock, secretKey } = t.deps;
  coordinator = await signedInUser(t, 'koordinaattori@kunta.example', { isAdmin: true });
  const { networkId } = await seedDemo(db, catalogue, clock);
  await grantDemoAccess(db, networkId);
  await db
    .update(networks)
    .set({ privacyNotice: { controller: 'Järvenseudun kunta', contactName: 'Tiina Tietosuoja', contactEmail: 'tietosuoja@jarvenseutu.example', protectionOfficer: '', additional: '', publishedAt: '2026-10-01T10:00:00.000Z' } })
    .where(eq(networks.id, networkId));
  const [round] = await db.select({ id: rounds.id }).from(rounds).where(eq(rounds.networkId, networkId)).orderBy(rounds.id);
  const all = await db.select({ id: rounds.id, key: rounds.questionnaireKey }).from(rounds).where(eq(rounds.networkId, networkId)).orderBy(rounds.id);
  const [before, after] = all.filter((r) => r.key === 'network-rules');
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
  sweepIn = (lang) => [
    outside('/login'),
    outside('/reset'),
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
    inside(`${base}/results/rounds/${after!.id}/heatmap`),
    inside(`${base}/results/rounds/${after!.id}/heatmap?by=share`),
    inside(`${base}/results/compare?before=${before!.id}&after=${after!.id}`),
    inside(`${base}/results/trend`),
    inside(`${base}/results/rounds/${after!.id}/open-answers`),
    inside(`${base}/agenda`),
    inside(`${base}/agenda/candidates`),
    inside(`${base}/reports`),
    inside(`${base}/report`),
    inside(`${base}/privacy/notice`),
    inside(`${base}/privacy/access`),
    inside('/admin'),
    inside('/catalogue'),
    inside('/catalogue/network-rules/v1'),
    inside('/catalogue/network-rules/v1/preview', '.sd-root-modern'),
  ];
}, 120_000);

afterAll(() => closeBrowserWorld(world ?? {}));

/** Two tabs in one language and size: one signed out, one signed in as the demo's coordinator. */
async function tabs(lang: Language, size: keyof typeof SIZES) {
  const host = new URL(world.server.url).hostname;
  const contexts: BrowserContext[] = [];
  const tab = async (signedIn: boolean) => {
    const context = await world.browser.newContext({ viewport: SIZES[size] });
    contexts.push(context);
    const cookies: Array<{ name: string; value: string; domain: string; path: string }> = [{ name: 'lang', value: lang, domain: host, path: '/' }];
    if (signedIn) cookies.push({ name: 'vp_session', value: coordinator.cookie.split('=')[1]!, domain: host, path: '/' });
    await context.addCookies(cookies);
    return context.newPage();
  };
  const [signedOut, signedIn] = [await tab(false), await tab(true)];
  return { pick: (s: Sweep) => (s.signedIn ? signedIn : signedOut), close: () => Promise.all(contexts.map((c) => c.close())) };
}

/** The sweep's findings for one language and size, as "path: problem" lines. */
async function findings(lang: Language, size: keyof typeof SIZES, entries: Sweep[]): Promise<string[]> {
  const { pick, close } = await tabs(lang, size);
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
    for (const violation of await axeViolations(page, 'serious', WCAG21_AA)) found.push(`${entry.path}: ${violation}`);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (width.scroll > width.inner) found.push(`${entry.path}: ${width.scroll} px wide in a ${width.inner} px window`);
  }
  await close();
  return found;
}

/*
 * The full matrix (40 pages × 3 languages × 2 sizes) takes about 150 s here, too
 * long beside the rest of the suite: Finnish, the first language, runs every
 * page at both sizes; Swedish and English each run every page once, at
 * alternating sizes, so each page meets each language and each size.
 */
const share = (lang: Language, size: keyof typeof SIZES, turn: 0 | 1) => () => sweepIn(lang).filter((_, i) => i % 2 === (size === 'desktop' ? turn : 1 - turn));

describe('every page in Chromium', { timeout: 120_000 }, () => {
  const runs: Array<[Language, keyof typeof SIZES, () => Sweep[]]> = [
    ['fi', 'desktop', () => sweepIn('fi')],
    ['fi', 'phone', () => sweepIn('fi')],
    ['sv', 'desktop', share('sv', 'desktop', 0)],
    ['sv', 'phone', share('sv', 'phone', 0)],
    ['en', 'desktop', share('en', 'desktop', 1)],
    ['en', 'phone', share('en', 'phone', 1)],
  ];
  for (const [lang, size, entries] of runs) {
    it(`has no serious accessibility finding and no sideways scrolling (${lang}, ${SIZES[size].width}×${SIZES[size].height})`, async () => {
      expect(await findings(lang, size, entries())).toEqual([]);
    });
  }
});
