import { afterEach, describe, expect, it } from 'vitest';
import { heatmapText } from '../../src/i18n/heatmap.js';
import { fill } from '../../src/i18n/messages.js';
import { resultsText } from '../../src/i18n/results.js';
import type { MeasureResult } from '../../src/results/round-results.js';
import { formats } from '../../src/views/results/format.js';
import { HEAT_FILLS } from '../../src/views/results/heat-palette.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson, type SignedIn } from '../helpers/people.js';
import { closedRoundWithTallies, ruleAnswers, type Respondent } from './tally-fixture.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const k = 5;
const fi = heatmapText('fi');
const notShown = resultsText('fi').notShown;

async function setup() {
  t = await createTestApp();
  const people = await networkWithPeople(t);
  return { ...people, api: `/api/networks/${people.network.id}/results`, base: `/networks/${people.network.id}/results` };
}

async function page(user: SignedIn, path: string) {
  const response = await t.app.request(path, { headers: { cookie: user.cookie } });
  const html = await response.text();
  return { status: response.status, main: html.slice(html.indexOf('<main'), html.indexOf('</main>')) };
}

type Cell = { fill: string | null; text: string };

/** The table as a reader meets it: the group headings, then per rule its cells. */
function readTable(main: string) {
  const table = main.slice(main.indexOf('<table class="heatmap"'), main.indexOf('</table>'));
  const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
  const head = table.slice(table.indexOf('<thead>'), table.indexOf('</thead>'));
  const headings = [...head.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => text(m[1]!)).slice(1);
  const body = table.slice(table.indexOf('<tbody>'));
  const rows = [...body.matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map((m) => ({
    measure: text(m[1]!),
    cells: [...m[2]!.matchAll(/<td class="[^"]*"(?: style="background-color: (#[0-9a-f]{6})[^"]*")?>(.*?)<\/td>/g)].map((c): Cell => ({ fill: c[1] ?? null, text: text(c[2]!) })),
  }));
  return { headings, rows };
}

/**
 * 21 respondents: vocational (6), comprehensive (7), upper secondary (8); by
 * role teacher (10), principal (8), administration (3). Only two vocational
 * respondents rate rule 1, and only four respondents in all rate rule 3.
 */
function respondents(): Respondent[] {
  const types = [...Array(6).fill('vocational'), ...Array(7).fill('comprehensive_school'), ...Array(8).fill('upper_secondary')] as string[];
  const roles = [...Array(10).fill('teacher'), ...Array(8).fill('principal'), ...Array(3).fill('education_administration')] as string[];
  return types.map((organisationType, i) => {
    const rule1 = organisationType === 'vocational' ? (i < 2 ? i + 1 : 'none') : organisationType === 'upper_secondary' ? 5 : 4;
    return {
      answers: { ...ruleAnswers(t, 'rule:1', rule1), ...ruleAnswers(t, 'rule:2', 2 + (i % 4)), ...ruleAnswers(t, 'rule:3', i < 4 ? 3 : 'none') },
      segments: { organisationType, role: roles[i]! },
    };
  });
}

describe('the heat map of rules × background groups', () => {
  it('shows every group of every background question as its own segment page does, small and derivable cells withheld', async () => {
    const { network, coordinator, api, base } = await setup();
    const round = await closedRoundWithTallies(t, network.id, respondents());
    const { status, main } = await page(coordinator, `${base}/rounds/${round.id}/heatmap?lang=fi`);
    expect(status).toBe(200);
    const { headings, rows } = readTable(main);
    // Principals (8) leave administration (3) alone in "others", which subtraction would reveal: they join it.
    expect(headings).toEqual(['Kaikki vastaajat n = 21', 'Lukiokoulutus n = 8', 'Perusopetus n = 7', 'Ammatillinen koulutus n = 6', 'Opettaja n = 10', 'Muut n = 11']);
    expect(main).not.toContain('Rehtori');

    const get = async (path: string) => (await t.app.request(`${api}${path}`, sendJson(coordinator, 'GET'))).json();
    const totals = (await get(`/rounds/${round.id}`)).measures as MeasureResult[];
    const groups = [
      ...((await get(`/rounds/${round.id}/segments/organisationType`)).groups as Array<{ measures: MeasureResult[] }>),
      ...((await get(`/rounds/${round.id}/segments/role`)).groups as Array<{ measures: MeasureResult[] }>),
    ];
    const f = formats('fi');
    rows.forEach((row, i) => {
      const expected = [totals[i]!.figures, ...groups.map((g) => g.measures[i]!.figures)].map((figures) => (figures ? f.number(figures.mean!) : notShown));
      expect(row.cells.map((cell) => cell.text), row.measure).toEqual(expected);
    });

    // Rule 1: two vocational ratings are withheld, and so is comprehensive, else totals − upper secondary − comprehensive would give them.
    const rule1 = rows[0]!.cells;
    expect(rule1.map((cell) => cell.text)).toEqual([f.number(71 / 17), f.number(5), notShown, notShown, f.number((1 + 2 + 4 * 4) / 6), f.number((3 * 4 + 8 * 5) / 11)]);
    // Upper secondary's 5.00 is a strength (≥ 4), in the strength colour; a withheld cell has none.
    expect(rule1[1]!.fill).toBe(HEAT_FILLS[4]);
    expect(rule1[2]!.fill).toBeNull();
    // Rule 3 has four ratings in all: not shown anywhere.
    expect(rows[2]!.cells.every((cell) => cell.text === notShown && cell.fill === null)).toBe(true);
    // Withheld: two cells of rule 1, all six of rule 3, and all of rules 4–10, which nobody rated.
    expect(main).toContain(fill(fi.withheldCells, { count: 2 + 6 + 7 * 6, total: 10 * 6, k }));
  });

  it('colours by the favourable share on request, stepped as the share is printed', async () => {
    const { network, coordinator, base } = await setup();
    const round = await closedRoundWithTallies(t, network.id, respondents());
    const { main } = await page(coordinator, `${base}/rounds/${round.id}/heatmap?lang=en&by=share`);
    const { rows } = readTable(main);
    // Rule 2 answers run 2, 3, 4, 5, 2, …: 10 of 21 favourable, 48%, in the 40–59% step.
    expect(rows[1]!.cells[0]).toEqual({ fill: HEAT_FILLS[2], text: '48%' });
    // Rule 1 in upper secondary: all 5s.
    expect(rows[0]!.cells[1]).toEqual({ fill: HEAT_FILLS[4], text: '100%' });
    expect(main).toContain('aria-current="page">By favourable share');
    expect(main).toContain('by the Wilson method');
    // An unknown colouring falls back to the mean.
    const fallback = await page(coordinator, `${base}/rounds/${round.id}/heatmap?lang=en&by=nonsense`);
    expect(fallback.status).toBe(200);
    expect(fallback.main).toContain('aria-current="page">By mean');
  });

  it('names the extremes in a sentence, for those who do not read the table cell by cell', async () => {
    const { network, coordinator, base } = await setup();
    const round = await closedRoundWithTallies(t, network.id, respondents());
    const { main } = await page(coordinator, `${base}/rounds/${round.id}/heatmap?lang=fi`);
    const f = formats('fi');
    // Lowest 19/6 twice, rule 1 among teachers and rule 2 in vocational: the first in the table's order is named.
    expect(main).toContain(`Matalin luku on ${f.number(19 / 6)}: 1. Verkoston tavoitteet, ryhmä Opettaja (Tehtävä). Korkein on ${f.number(5)}: 1. Verkoston tavoitteet, ryhmä Lukiokoulutus (Organisaation tyyppi).`);
  });

  it('shows nothing of a round below k, and says when no background was collected', async () => {
    const { network, coordinator, base } = await setup();
    const small = await roundWithResponses(t, network.id, [1, 2, 3, 4].map((v) => uniformAnswers(t, v, { organisation_type: 'vocational' })));
    const below = await page(coordinator, `${base}/rounds/${small.id}/heatmap?lang=fi`);
    expect(below.status).toBe(200);
    expect(below.main).not.toContain('<table');
    expect(below.main).toContain(resultsText('fi').withheldBelowTitle);
    const plain = await roundWithResponses(t, network.id, [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v)), { collectSegments: false, closesAt: '2026-03-20T14:00:00.000Z' });
    const none = await page(coordinator, `${base}/rounds/${plain.id}/heatmap?lang=sv`);
    expect(none.main).toContain(heatmapText('sv').noSegments);
    expect(readTable(none.main).headings).toEqual(['Alla svarande n = 5']);
  });

  it('is a results page like the others: a 404 for an outsider or another network’s round', async () => {
    const { network, outsider, coordinator, base } = await setup();
    const round = await closedRoundWithTallies(t, network.id, respondents());
    expect((await page(outsider, `${base}/rounds/${round.id}/heatmap`)).status).toBe(404);
    expect((await page(coordinator, `${base}/rounds/999999/heatmap`)).status).toBe(404);
  });
});
