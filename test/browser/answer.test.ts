import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, responses, sealedResponses } from '../../src/db/schema/index.js';
import { closeRound } from '../../src/rounds/transitions.js';
import type { TestApp } from '../helpers/app.js';
import { axeViolations } from '../helpers/axe.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';
import { openRound } from '../helpers/open-round.js';
import { markAnswered, receiptCount } from '../helpers/receipts.js';

let testApp: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;

beforeAll(async () => {
  ({ t: testApp, server, browser } = await openBrowserWorld('answer.js'));
});

afterAll(() => closeBrowserWorld({ browser, server, t: testApp }));

type Watched = { page: Page; problems: string[]; posts: string[] };

/** A page that records console errors, script errors, CSP violations and what it sends. */
async function openPage(path: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const posts: string[] = [];
  page.on('request', (request) => request.method() === 'POST' && posts.push(new URL(request.url()).pathname));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${server.url}${path}`);
  return { page, problems, posts };
}

/** Answers every question of the page shown: the n-th choice of each radio group, and a comment if given. */
async function answerShownPage(page: Page, comment?: string): Promise<Record<string, string>> {
  const chosen: Record<string, string> = {};
  for (const [n, question] of (await page.locator('.sd-question').all()).entries()) {
    const name = (await question.getAttribute('data-name'))!;
    const labels = question.locator('.sd-selectbase__label');
    if ((await labels.count()) > 0) {
      await labels.nth(n % (await labels.count())).click();
      chosen[name] = await question.locator('input[type=radio]:checked').inputValue();
    } else if (comment) {
      await question.locator('textarea').fill(comment);
      chosen[name] = comment;
    }
  }
  return chosen;
}

/** Goes through the remaining pages, answering them unless told not to, and presses the complete button. */
async function answerToTheEnd(page: Page, { answer } = { answer: true }): Promise<void> {
  while ((await page.locator('.sd-navigation__complete-btn').isVisible()) === false) {
    if (answer) await answerShownPage(page);
    await page.locator('.sd-navigation__next-btn').click();
  }
  if (answer) await answerShownPage(page);
  await page.locator('.sd-navigation__complete-btn').click();
}

const pageTitle = (page: Page) => page.locator('.sd-page__title').first().textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const storedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage));

const seriousViolations = (page: Page) => axeViolations(page, 'serious');

// A whole questionnaire is answered click by click; a busy machine needs more than the default 30 s.
describe('answering in Chromium', { timeout: 90_000 }, () => {
  it('answers every page in Finnish, keeps progress over a reload, sends once and then says "already answered"', async () => {
    const { path, token, round, version } = await openRound(testApp, { collectSegments: true, memberLanguage: 'fi' });
    const invitationBefore = await testApp.deps.db.select().from(invitations).where(eq(invitations.roundId, round.id));
    const { page, problems, posts } = await openPage(path);
    await page.locator('.sd-root-modern').waitFor();
    await page.screenshot({ path: '/tmp/answer-desktop.png', fullPage: true });

    const chosen = await answerShownPage(page);
    await page.locator('.sd-navigation__next-btn').click();
    await expect.poll(() => focusedId(page), { message: 'focus moves to the new page’s heading' }).toMatch(/ariaTitle$/);
    expect(await seriousViolations(page), 'a page with a comment box').toEqual([]);
    Object.assign(chosen, await answerShownPage(page, 'Tavoitteet voisi kirjata näkyvämmin.'));
    await page.locator('.sd-navigation__next-btn').click();
    Object.assign(chosen, await answerShownPage(page));
    await page.locator('.sd-navigation__next-btn').click();
    await expect.poll(() => pageTitle(page)).toBe('3. Resurssit, aikataulu ja työkalut');

    await page.reload();
    await page.locator('.sd-root-modern').waitFor();
    await expect.poll(() => pageTitle(page), { message: 'the same page after a reload' }).toBe('3. Resurssit, aikataulu ja työkalut');
    const keys = await storedKeys(page);
    expect(keys).toEqual([expect.stringMatching(/^vp-answers:[0-9a-f]{64}$/)]);
    expect(keys[0], 'the token is not written to storage').not.toContain(token);
    await page.locator('.sd-navigation__prev-btn').click();
    await page.locator('.sd-navigation__prev-btn').click();
    await expect(page.locator('textarea').inputValue(), 'earlier answers kept').resolves.toBe('Tavoitteet voisi kirjata näkyvämmin.');
    await page.locator('.sd-navigation__next-btn').click();
    await page.locator('.sd-navigation__next-btn').click();

    expect(posts, 'nothing is sent before completing').toEqual([]);
    await answerToTheEnd(page);
    await expect.poll(() => page.locator('#answer-outcome-heading').textContent()).toBe('Kiitos! Vastauksesi on tallennettu.');
    await expect.poll(() => page.locator('#answer-outcome').textContent()).toContain('Vastauspäivä: 2.3.2026.');
    expect(posts).toEqual([`${path}/submit`]);
    expect(await focusedId(page), 'focus moves to the thank-you heading').toBe('answer-outcome-heading');
    expect(await storedKeys(page), 'nothing is left in the browser').toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/answer-thanks.png', fullPage: true });

    await page.goto(`${server.url}${path}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Olet jo vastannut tähän kyselyyn');
    await expect(page.locator('main').textContent()).resolves.toContain('Vastasit 2.3.2026.');
    expect(problems).toEqual([]);
    await page.close();

    // The answer used up the link (its receipt) and waits sealed; the invitation row is untouched, nothing is readable yet.
    expect(await receiptCount(testApp.deps.db, round.id)).toBe(1);
    expect(await testApp.deps.db.select().from(sealedResponses).where(eq(sealedResponses.roundId, round.id))).toHaveLength(1);
    expect(await testApp.deps.db.select().from(responses).where(eq(responses.roundId, round.id))).toEqual([]);
    expect(await testApp.deps.db.select().from(invitations).where(eq(invitations.roundId, round.id))).toEqual(invitationBefore);

    await closeRound(testApp.deps, round.id, null);
    const stored = await testApp.deps.db.select().from(responses).where(eq(responses.roundId, round.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers.r1_comment).toBe('Tavoitteet voisi kirjata näkyvämmin.');
    // Background answers are dropped in a network that does not collect segments.
    const kept = version.items.filter((item) => item.kind !== 'segment').map((item) => item.name);
    for (const name of kept.filter((n) => n in chosen)) expect(String(stored[0]!.answers[name]), name).toBe(chosen[name]);
    for (const name of version.items.filter((item) => item.kind === 'segment').map((item) => item.name)) expect(stored[0]!.answers, name).not.toHaveProperty(name);
    expect(await testApp.deps.db.select().from(sealedResponses).where(eq(sealedResponses.roundId, round.id))).toEqual([]);
  });

  it('answers in Swedish on a phone', async () => {
    const { path } = await openRound(testApp, { collectSegments: true, memberLanguage: 'sv' });
    const { page, problems } = await openPage(path, { width: 360, height: 740 });
    await page.locator('.sd-root-modern').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Utvärdering av nätverkets spelregler');
    await expect(page.locator('.sd-navigation__next-btn').inputValue()).resolves.toBe('Nästa');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing wider than the phone').toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/answer-phone.png', fullPage: true });

    await answerToTheEnd(page);
    await expect.poll(() => page.locator('#answer-outcome-heading').textContent()).toBe('Tack! Dina svar har sparats.');
    await expect.poll(() => page.locator('#answer-outcome').textContent()).toContain('Svarsdag: 2.3.2026.');
    await page.screenshot({ path: '/tmp/answer-phone-thanks.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the answers when sending fails, and shows the server’s per-question messages', async () => {
    const { path } = await openRound(testApp, { collectSegments: true });
    const { page } = await openPage(path);
    await page.locator('.sd-root-modern').waitFor();
    await page.route('**/submit', (route) => route.abort('internetdisconnected'));
    await answerToTheEnd(page);
    await expect.poll(() => page.locator('#answer-error').textContent()).toContain('Vastauksia ei saatu lähetettyä.');
    expect(await focusedId(page), 'focus on "try again"').toBe('answer-retry');

    const problem = { code: 'too_long', question: 'r1_comment', message: 'Vastaus on liian pitkä (enintään 2000 merkkiä).' };
    await page.unroute('**/submit');
    await page.route('**/submit', (route) => route.fulfill({ status: 422, json: { status: 'invalid', error: 'Vastauksia ei tallennettu.', problems: [problem] } }));
    await page.locator('#answer-retry').click();
    await expect.poll(() => page.locator('#answer-error').textContent()).toBe('Vastauksia ei tallennettu.');
    await expect.poll(() => pageTitle(page), { message: 'back at the question' }).toBe('1. Verkoston tavoitteet');
    await page.getByText(problem.message).waitFor();
    await page.screenshot({ path: '/tmp/answer-invalid.png', fullPage: true });

    await page.unroute('**/submit');
    await answerToTheEnd(page, { answer: false });
    await expect.poll(() => page.locator('#answer-outcome-heading').textContent()).toBe('Kiitos! Vastauksesi on tallennettu.');
    await page.close();
  });

  it('has no serious accessibility problems on the answer page and on every state page', async () => {
    const open = await openRound(testApp, { collectSegments: true, networkName: 'Avoin verkosto' });
    const answered = await openRound(testApp, { collectSegments: true, networkName: 'Vastattu verkosto' });
    await markAnswered(testApp.deps, answered.round.id, answered.token);
    const closed = await openRound(testApp, { collectSegments: true, closesAt: '2026-03-01T16:00:00.000Z' });
    const notOpen = await openRound(testApp, { collectSegments: true, opensAt: '2026-03-09T06:00:00.000Z' });
    const pages = { open: open.path, answered: answered.path, closed: closed.path, 'not-open': notOpen.path, unknown: '/a/tuntematon-linkki-0123456789' };
    for (const [name, path] of Object.entries(pages)) {
      const { page, problems } = await openPage(path, { width: 360, height: 740 });
      if (name === 'open') await page.locator('.sd-root-modern').waitFor();
      // The receipt alone makes the link answered, with the day sealed under it.
      if (name === 'answered') await expect(page.locator('main').textContent()).resolves.toContain('Vastasit 2.3.2026.');
      expect(await seriousViolations(page), name).toEqual([]);
      if (name !== 'open') await page.screenshot({ path: `/tmp/answer-${name}.png`, fullPage: true });
      // The unknown link's page is a 404, which Chromium reports on the console.
      expect(problems.filter((p) => !(name === 'unknown' && p.includes('404'))), name).toEqual([]);
      await page.close();
    }
  });
});
