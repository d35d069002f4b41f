import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from '../../src/agenda/actions.js';
import { createNetwork } from '../../src/networks/networks.js';
import { createReportLink } from '../../src/reports/report-links.js';
import { fixedClock, type TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';
import { signedInUser } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

let t: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;
/** Two closed rounds, the later one below k: its key figures and the comparison are only notes, and there are no actions. */
let sparse: string;
/** Two closed rounds above k and two actions: every section has its table. */
let full: string;

const settings = { languages: ['fi' as const], anonymityThreshold: 3, collectSegments: false, bandStrength: 4, bandConcern: 3 };

beforeAll(async () => {
  ({ t, server, browser } = await openBrowserWorld('report.js', { clock: fixedClock('2026-11-01T09:00:00.000Z') }));
  const { db, clock, secretKey } = t.deps;
  const coordinator = await signedInUser(t, 'koordinaattori@kunta.example');
  const link = async (networkId: number) => {
    const { token } = await createReportLink(db, clock, secretKey, networkId, coordinator.userId, { label: 'Johtoryhmä', expiresOn: '2026-12-31', roundIds: null });
    return `/r/${token}?lang=fi`;
  };
  const answers = (values: number[]) => values.map((v) => uniformAnswers(t, v));

  const few = await createNetwork(db, clock, coordinator.userId, { ...settings, name: 'Pieni verkosto' });
  await roundWithResponses(t, few.id, answers([2, 3, 4, 4, 5]), { closesAt: '2026-02-20T14:00:00.000Z', collectSegments: false });
  await roundWithResponses(t, few.id, answers([3, 4]), { closesAt: '2026-05-20T14:00:00.000Z', collectSegments: false });
  sparse = await link(few.id);

  const many = await createNetwork(db, clock, coordinator.userId, { ...settings, name: 'Iso verkosto' });
  const first = await roundWithResponses(t, many.id, answers([1, 2, 2, 3, 3]), { closesAt: '2026-02-20T14:00:00.000Z', collectSegments: false });
  await roundWithResponses(t, many.id, answers([4, 4, 5, 5, 5]), { closesAt: '2026-05-20T14:00:00.000Z', collectSegments: false });
  await createAction(db, clock, many.id, { roundId: first.id, measure: 'rule:3', description: 'Sovitaan resurssit kirjallisesti', owner: 'Ohjausryhmä', dueOn: '2026-09-30', status: 'done' });
  await createAction(db, clock, many.id, { roundId: first.id, measure: 'rule:10', description: 'Nimetään varakoordinaattori', owner: 'Kunnat', dueOn: null, status: 'in_progress' });
  full = await link(many.id);
}, 60_000);

afterAll(() => closeBrowserWorld({ browser, server, t }));

async function openForPrint(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}${path}`);
  await page.locator('#print-report:not([hidden])').waitFor();
  await page.emulateMedia({ media: 'print' });
  return page;
}

const pageCount = async (page: Page) => ((await page.pdf({ format: 'A4', printBackground: true })).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

describe('the printed report', () => {
  it('aligns each column heading with its cells, on paper and on screen', async () => {
    const page = await openForPrint(full);
    const misaligned = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLTableElement>('.report table')].flatMap((table) => {
          const heads = [...table.tHead!.rows[0]!.cells].map((cell) => getComputedStyle(cell).textAlign);
          return [...table.tBodies[0]!.rows].flatMap((row) =>
            [...row.cells].flatMap((cell, i) => (getComputedStyle(cell).textAlign === heads[i] ? [] : [`${table.caption?.textContent}: column ${i + 1} “${table.tHead!.rows[0]!.cells[i]!.textContent}”`])),
          );
        }),
      );
    // Every kind of table is there: key figures, trend, comparison and actions.
    expect(await page.locator('.report table').count()).toBe(4);
    expect([...new Set(await misaligned())]).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    expect([...new Set(await misaligned())]).toEqual([]);
    await page.close();
  });

  it('gives no sheet of its own to a section that only says there is nothing to show', async () => {
    const page = await openForPrint(sparse);
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll('.report > section:not(.report-cover)')].map((section) => ({
        heading: section.querySelector('h2')?.textContent ?? '',
        breaks: getComputedStyle(section).breakBefore === 'page',
        figures: section.querySelector('table, canvas') !== null,
      })),
    );
    // The withheld round's key figures, the withheld comparison and the empty agenda are notes; only the trend has figures.
    expect(sections.filter((s) => !s.figures).map((s) => s.heading)).toEqual(['Viimeisin kierros: Kierros 2026-05', 'Vertailu edelliseen kierrokseen', 'Kehittämistoimet']);
    expect(sections.filter((s) => s.breaks && !s.figures)).toEqual([]);
    // On paper the notes add no sheet: the PDF has as many pages with each note emptied (its place kept, so the sections around it print as before).
    const withNotes = await pageCount(page);
    await page.evaluate(() =>
      document.querySelectorAll('.report > section:not(.report-cover)').forEach((section) => {
        if (!section.querySelector('table, canvas')) section.replaceWith(document.createElement('section'));
      }),
    );
    expect(withNotes).toBe(await pageCount(page));
    await page.close();
  });
});
