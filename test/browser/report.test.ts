import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantDemoAccess, seedDemo } from '../../src/demo/seed.js';
import { createAction } from '../../src/agenda/actions.js';
import { rounds } from '../../src/db/schema/index.js';
import { createReportLink } from '../../src/reports/report-links.js';
import { fixedClock, type TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, watchProblems, type BrowserWorld } from '../helpers/browser.js';
import { signedInUser } from '../helpers/people.js';

let testApp: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;
let reportPath: string;

beforeAll(async () => {
  ({ t: testApp, server, browser } = await openBrowserWorld('report.js', { clock: fixedClock('2026-11-01T09:00:00.000Z') }));
  const { db, catalogue, clock, secretKey } = testApp.deps;
  const coordinator = await signedInUser(testApp, 'koordinaattori@kunta.example', { isAdmin: true });
  const { networkId } = await seedDemo(db, catalogue, clock);
  await grantDemoAccess(db, networkId);
  const [first] = await db.select().from(rounds).orderBy(rounds.closesAt).limit(1);
  await createAction(db, clock, networkId, { roundId: first!.id, measure: 'rule:3', description: 'Sovitaan resurssit kirjallisesti', owner: 'Ohjausryhmä', dueOn: '2025-09-30', status: 'done' });
  await createAction(db, clock, networkId, { roundId: first!.id, measure: 'rule:10', description: 'Nimetään varakoordinaattori', owner: 'Kunnat', dueOn: null, status: 'in_progress' });
  const { token } = await createReportLink(db, clock, secretKey, networkId, coordinator.userId, { label: 'Lautakunta', expiresOn: '2026-12-31', roundIds: null });
  reportPath = `/r/${token}?lang=fi`;
});

afterAll(() => closeBrowserWorld({ browser, server, t: testApp }));

/** A page that records console errors, script errors and CSP violations. */
async function openReport(width: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems = await watchProblems(page);
  await page.goto(`${server.url}${reportPath}`);
  await page.locator('#print-report:not([hidden])').waitFor();
  return { page, problems };
}

/** Per chart: how many pixels are drawn at all, how many in the mean line's blue and how many in the pale interval band. */
const paintedPixels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-spec]')].map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      let blue = 0;
      let band = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 0) drawn += 1;
        const bluish = r < 40 && g > 90 && g < 140 && b > 150;
        if (bluish && a > 200) blue += 1;
        if (bluish && a > 20 && a < 80) band += 1;
      }
      return { drawn: drawn / (canvas.width * canvas.height), blue, band };
    }),
  );

describe('leadership report in Chromium', () => {
  it('draws a trend chart with its interval band for every rule with more than one round', async () => {
    const { page, problems } = await openReport(1280);
    const charts = await paintedPixels(page);
    // The ten ground rules have three rounds; the strategy areas one, which is no trend.
    expect(charts.length).toBe(10);
    for (const chart of charts) {
      expect(chart.drawn).toBeGreaterThan(0.02);
      expect(chart.blue).toBeGreaterThan(50);
      expect(chart.band).toBeGreaterThan(500);
    }
    expect(await page.locator('main').textContent()).toMatch(/3,\d\d/);
    await page.screenshot({ path: '/tmp/report-desktop.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone without sideways scrolling of the page', async () => {
    const { page, problems } = await openReport(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/report-phone.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints to an A4 PDF of several pages', async () => {
    const { page } = await openReport(1280);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync('/tmp/report.pdf', pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    await page.close();
  });
});
