import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/db/schema/index.js';
import type { TestApp } from '../helpers/app.js';
import { axeViolations } from '../helpers/axe.js';
import { closeBrowserWorld, openBrowserWorld, watchProblems, type BrowserWorld } from '../helpers/browser.js';
import { openRound } from '../helpers/open-round.js';

let testApp: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;

beforeAll(async () => {
  ({ t: testApp, server, browser } = await openBrowserWorld('answer.js'));
});

afterAll(() => closeBrowserWorld({ browser, server, t: testApp }));

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A member's answer page in a browser context of its own (its own saved progress), with problems recorded. */
async function openAnswerPage(lang: Language, device: Parameters<Browser['newContext']>[0] = { viewport: { width: 1280, height: 900 } }) {
  const { path } = await openRound(testApp, { collectSegments: true, memberLanguage: lang, networkLanguages: ['fi', 'sv', 'en'] });
  const context: BrowserContext = await browser.newContext(device);
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${server.url}${path}`);
  await page.locator('.sd-root-modern').waitFor();
  return { page, problems, close: () => context.close() };
}

type AxProgress = { name: string; value: number | undefined; max: number | undefined };

/** The progress bar as Chromium hands it to assistive technology: its accessibility tree, not the DOM. */
async function progressForAssistiveTech(page: Page): Promise<AxProgress[]> {
  const cdp = await page.context().newCDPSession(page);
  type AxValue = { value?: unknown };
  type AxNode = { ignored: boolean; role?: AxValue; name?: AxValue; value?: AxValue; properties?: Array<{ name: string; value: AxValue }> };
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  const property = (node: AxNode, name: string) => node.properties?.find((p) => p.name === name)?.value.value as number | undefined;
  return nodes
    .filter((node) => !node.ignored && node.role?.value === 'progressbar')
    .map((node) => ({ name: String(node.name?.value ?? ''), value: property(node, 'valuenow') ?? (node.value?.value as number | undefined), max: property(node, 'valuemax') }));
}

const progressLine = (page: Page) => page.locator('#answer-progress-text').textContent();

/** Picks the first choice of every radio question on the page shown, then goes on. */
async function answerAndGoOn(page: Page): Promise<void> {
  for (const question of await page.locator('.sd-question:has(.sd-selectbase__label)').all()) await question.locator('.sd-selectbase__label').first().click();
  await page.locator('.sd-navigation__next-btn').click();
}

describe('the answer page’s progress and intro in Chromium', { timeout: 90_000 }, () => {
  it('names the page in a progressbar that follows the pages, over a reload too; the welcome is on page one only, the anonymity details on every page', async () => {
    const { page, problems, close } = await openAnswerPage('fi');
    expect(await progressLine(page)).toBe('Sivu 1/11');
    expect(await progressForAssistiveTech(page)).toEqual([{ name: 'Sivu 1/11', value: 1, max: 11 }]);
    // A polite live region: the new page number is announced, not only shown.
    expect(await page.locator('#answer-progress-text').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#answer-welcome').isVisible()).toBe(true);
    expect(await page.locator('#answer-welcome').textContent()).toContain('tallennamme vastaukset ja vastauspäivän, emme sitä, kuka vastasi');

    await answerAndGoOn(page);
    await expect.poll(() => progressLine(page)).toBe('Sivu 2/11');
    expect(await progressForAssistiveTech(page)).toEqual([{ name: 'Sivu 2/11', value: 2, max: 11 }]);
    expect(await page.locator('#answer-welcome').isVisible(), 'the welcome is gone after page one').toBe(false);
    // The progress line, not the intro, tops the screen after "next".
    const top = await page.locator('#answer-progress').boundingBox();
    expect(top!.y).toBeGreaterThanOrEqual(0);
    expect(top!.y).toBeLessThan(40);

    // The anonymity details stay one tap away.
    const summary = page.getByText('Miten vastaukseni pysyy nimettömänä?');
    await summary.scrollIntoViewIfNeeded();
    expect(await page.getByText('Linkkiäsi käytetään vain estämään toinen vastaus').isVisible()).toBe(false);
    await summary.click();
    expect(await page.getByText('Linkkiäsi käytetään vain estämään toinen vastaus').isVisible()).toBe(true);

    await answerAndGoOn(page);
    await expect.poll(() => progressLine(page)).toBe('Sivu 3/11');
    await page.reload();
    await page.locator('.sd-root-modern').waitFor();
    await expect.poll(() => progressLine(page), { message: 'the restored page has its own number' }).toBe('Sivu 3/11');
    expect(await progressForAssistiveTech(page)).toEqual([{ name: 'Sivu 3/11', value: 3, max: 11 }]);
    expect(await page.locator('#answer-welcome').isVisible(), 'no welcome on a restored later page').toBe(false);

    await page.locator('.sd-navigation__prev-btn').click();
    await page.locator('.sd-navigation__prev-btn').click();
    await expect.poll(() => progressLine(page)).toBe('Sivu 1/11');
    expect(await page.locator('#answer-welcome').isVisible(), 'back on page one, the welcome is back').toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  for (const [lang, first, second] of [
    ['sv', 'Sida 1 av 11', 'Sida 2 av 11'],
    ['en', 'Page 1 of 11', 'Page 2 of 11'],
  ] as const) {
    it(`words the progress in ${lang === 'sv' ? 'Swedish' : 'English'}`, async () => {
      const { page, problems, close } = await openAnswerPage(lang);
      expect(await progressForAssistiveTech(page)).toEqual([{ name: first, value: 1, max: 11 }]);
      await answerAndGoOn(page);
      await expect.poll(() => progressLine(page)).toBe(second);
      expect(await progressForAssistiveTech(page)).toEqual([{ name: second, value: 2, max: 11 }]);
      expect(problems).toEqual([]);
      await close();
    });
  }

  const firstQuestion = { fi: 'Millaista organisaatiota edustat?', sv: 'Vilken typ av organisation representerar du?', en: 'What type of organisation do you represent?' };
  for (const lang of ['fi', 'sv', 'en'] as const) {
    it(`shows the first question’s title and first choice on a 360×740 phone’s first screen (${lang})`, async () => {
      const { page, problems, close } = await openAnswerPage(lang, PHONE);
      const title = page.locator('.sd-question').first().locator('.sd-question__title');
      const choice = page.locator('.sd-question').first().locator('.sd-selectbase__item').first();
      expect(await title.textContent()).toBe(firstQuestion[lang]);
      const screen = await page.evaluate(() => ({ height: innerHeight, scrolled: scrollY, width: document.documentElement.scrollWidth }));
      expect(screen).toEqual({ height: 740, scrolled: 0, width: 360 });
      for (const [what, box] of [
        ['the progress line', await page.locator('#answer-progress').boundingBox()],
        ['the title', await title.boundingBox()],
        ['the first choice', await choice.boundingBox()],
      ] as const) {
        expect(box, what).not.toBeNull();
        expect(box!.y, what).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, `${what} ends within the first screen`).toBeLessThanOrEqual(screen.height);
      }
      await page.screenshot({ path: `/tmp/answer-first-screen-${lang}.png` });
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('has no accessibility violations on page one and on a later page with the anonymity details open', async () => {
    const { page, problems, close } = await openAnswerPage('fi', PHONE);
    expect(await axeViolations(page), 'page one').toEqual([]);
    await answerAndGoOn(page);
    await expect.poll(() => progressLine(page)).toBe('Sivu 2/11');
    await page.getByText('Miten vastaukseni pysyy nimettömänä?').click();
    expect(await axeViolations(page), 'page two').toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
