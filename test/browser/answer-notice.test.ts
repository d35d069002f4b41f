import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import type { TestApp } from '../helpers/app.js';
import { axeViolations } from '../helpers/axe.js';
import { closeBrowserWorld, openBrowserWorld, watchProblems, type BrowserWorld } from '../helpers/browser.js';
import { openRound } from '../helpers/open-round.js';
import { networkWithPeople } from '../helpers/people.js';

let testApp: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;

beforeAll(async () => {
  ({ t: testApp, server, browser } = await openBrowserWorld('privacy-notice.js'));
});
afterAll(() => closeBrowserWorld({ browser, server, t: testApp }));

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const NOTICE = { controller: 'Porvoon kaupunki', contactName: 'Tiina Tietosuoja', contactEmail: 'tietosuoja@porvoo.example', protectionOfficer: '', additional: '' };

describe('the privacy notice in Chromium', { timeout: 90_000 }, () => {
  it('is linked from the answer page’s footer on a phone, and reads within 360 px on screen and on paper', async () => {
    const { network, path } = await openRound(testApp, { networkLanguages: ['fi', 'sv', 'en'], memberLanguage: 'sv' });
    await testApp.deps.db.update(networks).set({ privacyNotice: { ...NOTICE, publishedAt: '2026-03-01T10:00:00.000Z' } }).where(eq(networks.id, network.id));
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${server.url}${path}`);
    await page.locator('.sd-root-modern').waitFor();
    // The footer is under the questions: the first question keeps its place on the first screen.
    const firstChoice = await page.locator('.sd-question').first().locator('.sd-selectbase__item').first().boundingBox();
    expect(firstChoice!.y + firstChoice!.height).toBeLessThanOrEqual(740);
    const link = page.getByRole('link', { name: 'Dataskyddsbeskrivning' });
    await link.scrollIntoViewIfNeeded();
    expect(await link.isVisible()).toBe(true);
    expect(await page.locator('#answer-stored').textContent()).toContain('dina påbörjade svar sparas bara i din egen webbläsare');
    expect(await axeViolations(page), 'answer page').toEqual([]);

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Dataskyddsbeskrivning' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    expect(await axeViolations(page), 'notice').toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible(), 'no header on paper').toBe(false);
    expect(await page.getByRole('heading', { name: 'Lagringstid' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('previews the notice as the coordinator types, before anything is saved', async () => {
    const { network, coordinator } = await networkWithPeople(testApp);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const split = coordinator.cookie.indexOf('=');
    await context.addCookies([{ name: coordinator.cookie.slice(0, split), value: coordinator.cookie.slice(split + 1), url: server.url }]);
    const page = await context.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${server.url}/networks/${network.id}/privacy/notice?lang=en`);
    const preview = page.locator('#notice-preview');
    expect(await preview.textContent()).toContain('Controller(missing)');
    await page.getByLabel('Controller').fill('City of Porvoo');
    await page.getByLabel('Contact person’s name').fill('Tiina Tietosuoja');
    await expect.poll(() => preview.textContent()).toContain('Contact the contact person: Tiina Tietosuoja.');
    expect(await preview.textContent()).toContain('ControllerCity of Porvoo');
    expect(await axeViolations(page), 'editor').toEqual([]);
    const [row] = await testApp.deps.db.select().from(networks).where(eq(networks.id, network.id));
    expect(row!.privacyNotice).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });
});
