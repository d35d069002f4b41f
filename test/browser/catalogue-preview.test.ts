import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueText } from '../../src/i18n/catalogue.js';
import { realCatalogue, type TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';

let testApp: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;

beforeAll(async () => {
  ({ t: testApp, server, browser } = await openBrowserWorld('preview.js'));
});

afterAll(() => closeBrowserWorld({ browser, server, t: testApp }));

type Watched = { page: Page; problems: string[]; requests: string[] };

/** A page that records console errors, script errors, CSP violations and every request it makes. */
async function openPage(path: string, width: number): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const problems: string[] = [];
  const requests: string[] = [];
  // No layout declares an icon yet, so the browser's own /favicon.ico probe 404s; that is not the page's doing.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${server.url}${path}`);
  await page.locator('.sd-root-modern').waitFor();
  return { page, problems, requests };
}

describe('questionnaire preview in Chromium', () => {
  it('renders the first page in Finnish and switches to Swedish and English without reloading', async () => {
    const version = realCatalogue().find('network-rules', 1)!;
    const firstPage = version.items.filter((item) => item.page === version.items[0]!.page);
    const { page, problems, requests } = await openPage('/catalogue/network-rules/v1/preview?lang=fi', 360);

    for (const item of firstPage) await expect(page.getByText(item.title.fi, { exact: true }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/preview.png', fullPage: true });

    const loaded = requests.length;
    for (const [lang, label] of [['sv', 'Svenska'], ['en', 'English']] as const) {
      await page.getByRole('button', { name: label }).click();
      for (const item of firstPage) await page.getByText(item.title[lang], { exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.getByRole('button', { name: label }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.preview-banner').textContent()).toBe(catalogueText(lang).previewBanner);
    }
    expect(requests.slice(loaded), 'switching language loads nothing').toEqual([]);
    expect(problems).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: '/tmp/preview-desktop.png', fullPage: true });
    await page.close();
  });

  it('finishes with a "nothing was stored" message and sends nothing', async () => {
    const { page, problems, requests } = await openPage('/catalogue/network-strategy/v1/preview?lang=sv', 1280);
    const loaded = requests.length;
    for (let pages = 0; pages < 10 && (await page.locator('.sd-navigation__complete-btn').count()) === 0; pages += 1) {
      for (const question of await page.locator('.sd-question').all()) {
        const choice = question.locator('.sd-selectbase__label');
        if ((await choice.count()) > 0) await choice.first().click();
      }
      await page.locator('.sd-navigation__next-btn').click();
    }
    await page.locator('.sd-navigation__complete-btn').click();

    await expect(page.locator('#preview-status').textContent()).resolves.toBe(catalogueText('sv').previewDone);
    expect(await page.locator('.sd-completedpage').count(), 'the questionnaire’s own "saved" page is not shown').toBe(0);
    expect(requests.slice(loaded), 'completing sends nothing').toEqual([]);

    await page.getByRole('button', { name: catalogueText('sv').restart }).click();
    await expect(page.locator('#preview-status').textContent()).resolves.toBe('');
    await page.locator('.sd-navigation__next-btn').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#survey') !== null)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
