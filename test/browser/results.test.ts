import { and, desc, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networks, rounds } from '../../src/db/schema/index.js';
import { grantDemoAccess, seedDemo } from '../../src/demo/seed.js';
import { compareRounds } from '../../src/results/comparison.js';
import { roundResults } from '../../src/results/round-results.js';
import { networkTrend } from '../../src/results/trend.js';
import { formats } from '../../src/views/results/format.js';
import type { TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, watchProblems, type BrowserWorld } from '../helpers/browser.js';
import { signedInUser } from '../helpers/people.js';

let t: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;
let context: BrowserContext;
let base: string;
let networkId: number;

beforeAll(async () => {
  ({ t: t, server, browser } = await openBrowserWorld('results.js'));
  const admin = await signedInUser(t, 'admin@kunta.example', { isAdmin: true });
  networkId = (await seedDemo(t.deps.db, t.deps.catalogue, t.deps.clock)).networkId;
  await grantDemoAccess(t.deps.db, networkId);
  base = `${server.url}/networks/${networkId}/results`;
  context = await browser.newContext();
  const split = admin.cookie.indexOf('=');
  await context.addCookies([{ name: admin.cookie.slice(0, split), value: admin.cookie.slice(split + 1), url: server.url }]);
}, 60_000);

afterAll(() => closeBrowserWorld({ browser, server, t: t }));

const rulesRounds = () =>
  t.deps.db.select().from(rounds).where(and(eq(rounds.networkId, networkId), eq(rounds.questionnaireKey, 'network-rules'))).orderBy(desc(rounds.closesAt));

async function demoNetwork() {
  const [network] = await t.deps.db.select().from(networks).where(eq(networks.id, networkId));
  return network!;
}

/** A page that records console errors, script errors and CSP violations. */
async function open(path: string, width: number): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems = await watchProblems(page);
  await page.goto(`${base}${path}`);
  return { page, problems };
}

/** How many pixels of each chart are neither transparent nor white: a drawn chart has thousands. */
const inkedPixels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-spec]')].map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) inked += 1;
      return inked;
    }),
  );

/** Charts drawn, table views holding the numbers, nothing wider than the screen, no errors; screenshots at both widths. */
async function check(name: string, path: string, charts: number, numbers: string[]) {
  for (const width of [1280, 360]) {
    const { page, problems } = await open(path, width);
    await expect.poll(async () => (await inkedPixels(page)).length, { timeout: 5000 }).toBe(charts);
    for (const inked of await inkedPixels(page)) expect(inked, `${name} at ${width} px`).toBeGreaterThan(2000);
    const tables = (await page.locator('details.table-view table').allTextContents()).join(' ');
    for (const number of numbers) expect(tables, `${name}: ${number}`).toContain(number);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `/tmp/results-${name}-${width}.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }
}

describe('results pages of the demo network in Chromium', () => {
  it('draws the latest rules round: profile against the previous round, distributions, and their tables', async () => {
    const [latest] = await rulesRounds();
    const network = await demoNetwork();
    const results = await roundResults(t.deps.db, t.deps.catalogue, network, latest!);
    const rule1 = results.measures[0]!.figures!;
    const f = formats('fi');
    await check('round', `/rounds/${latest!.id}?lang=fi`, 2, [f.number(rule1.mean!), f.range(rule1.ci95!), `${rule1.distribution[3]!.count} (${f.percent(rule1.distribution[3]!.share)})`]);
  });

  it('draws the comparison of the last two rules rounds', async () => {
    const [after, before] = await rulesRounds();
    const network = await demoNetwork();
    const comparison = await compareRounds(t.deps.db, t.deps.catalogue, network, before!, after!);
    const d = comparison.measures[0]!.after!.distribution[3]!;
    await check('compare', `/compare?before=${before!.id}&after=${after!.id}&lang=fi`, 1, [`${d.count} (${formats('fi').percent(d.share)})`]);
  });

  it('draws a trend line per rule with the means and n per round in the tables', async () => {
    const network = await demoNetwork();
    const trend = await networkTrend(t.deps.db, t.deps.catalogue, network, 'network-rules');
    const last = trend.series[0]!.points.at(-1)!.figures!;
    await check('trend', '/trend?questionnaire=network-rules&lang=fi', 10, [formats('fi').number(last.mean!), String(last.n)]);
  });

  it('shows the Swedish round page with decimal commas in the charts’ tables', async () => {
    const [latest] = await rulesRounds();
    const { page, problems } = await open(`/rounds/${latest!.id}?lang=sv`, 1280);
    const tables = (await page.locator('details.table-view table').allTextContents()).join(' ');
    expect(tables).toMatch(/\d,\d\d/);
    expect(tables).not.toMatch(/\d\.\d\d/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
