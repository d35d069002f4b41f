import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import type { Figures } from '../../src/results/figures.js';
import type { MeasureResult } from '../../src/results/round-results.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson, type SignedIn } from '../helpers/people.js';
import { closedRoundWithTallies, ruleAnswers, type Respondent } from './tally-fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

async function setup(k: number) {
  t = await createTestApp();
  const people = await networkWithPeople(t);
  await t.deps.db.update(networks).set({ anonymityThreshold: k }).where(eq(networks.id, people.network.id));
  return { ...people, api: `/api/networks/${people.network.id}/results` };
}

const get = async (user: SignedIn, path: string) => (await t.app.request(path, sendJson(user, 'GET'))).json();

/** What a coordinator computes: the whole minus the shown parts, value by value; null when no part is withheld. */
type Residual = { withheld: number; n: number; sum: number; counts: number[] } | null;
function residual(whole: Figures, parts: Array<Figures | null>, size: (f: Figures) => number): Residual {
  const shown = parts.filter((f): f is Figures => f !== null);
  if (shown.length === parts.length) return null;
  const minus = (of: (f: Figures) => number) => of(whole) - shown.reduce((s, f) => s + of(f), 0);
  return {
    withheld: parts.length - shown.length,
    n: minus(size),
    sum: minus((f) => (f.mean ?? 0) * f.n),
    counts: whole.distribution.map((_, v) => minus((f) => f.distribution[v]!.count)),
  };
}

const answers = (r: NonNullable<Residual>) => r.counts.reduce((a, b) => a + b, 0);

/** Every partition the coordinator sees: a rule over its shown items, for each group. */
function expectRulesSafe(measures: MeasureResult[], k: number) {
  for (const m of measures) {
    const items = m.items.map((item) => item.figures);
    if (!m.figures) {
      // A withheld rule must not be the sum of its items, all shown.
      expect(items.some((f) => f === null), m.measure).toBe(true);
      continue;
    }
    const r = residual(m.figures, items, (f) => f.n);
    if (r && answers(r) > 0) {
      expect(r.withheld, m.measure).toBeGreaterThanOrEqual(2);
      expect(answers(r), m.measure).toBeGreaterThanOrEqual(k);
    }
  }
}

describe('complementary suppression against differencing', () => {
  it('keeps a group’s withheld rule figure from falling out as totals minus the other groups', async () => {
    const k = 5;
    const { network, coordinator, api } = await setup(k);
    const group = (organisationType: string, count: number, answer: (i: number) => Record<string, number | 'none'>): Respondent[] =>
      Array.from({ length: count }, (_, i) => ({ answers: answer(i), segments: { organisationType } }));
    const respondents = [
      // Only two vocational respondents give rule 1 a number (1 and 2); the others cannot say.
      ...group('vocational', 6, (i) => ({ ...ruleAnswers(t, 'rule:1', i < 2 ? i + 1 : 'none'), ...ruleAnswers(t, 'rule:2', 4) })),
      // One comprehensive-school respondent alone rates "members.motivated".
      ...group('comprehensive_school', 7, (i) => ({ ...ruleAnswers(t, 'rule:1', 4), ...ruleAnswers(t, 'rule:2', 3), 'members.motivated': i === 0 ? 1 : 'none' })),
      ...group('upper_secondary', 8, () => ({ ...ruleAnswers(t, 'rule:1', 5), ...ruleAnswers(t, 'rule:2', 5) })),
    ];
    const round = await closedRoundWithTallies(t, network.id, respondents);
    const totals = (await get(coordinator, `${api}/rounds/${round.id}`)).measures as MeasureResult[];
    const segments = await get(coordinator, `${api}/rounds/${round.id}/segments/organisationType`);
    const groups = segments.groups as Array<{ value: string; measures: MeasureResult[] }>;
    expect(groups.map((g) => g.value)).toEqual(['upper_secondary', 'comprehensive_school', 'vocational']);

    const across = (measure: number, item: number | null) => {
      const pick = (ms: MeasureResult[]) => (item === null ? ms[measure]!.figures : ms[measure]!.items[item]!.figures);
      const whole = pick(totals);
      // A withheld total has no shown part to subtract from: its groups hold even fewer answers.
      if (!whole) {
        expect(groups.every((g) => pick(g.measures) === null)).toBe(true);
        return null;
      }
      return residual(whole, groups.map((g) => pick(g.measures)), (f) => f.n);
    };
    // Before this change: rule 1 withheld for the vocational group only, and
    // totals − the other two gave n = 17 − 8 − 7 = 2, Σ = 71 − 40 − 28 = 3, so mean 1.5, exactly theirs.
    const rule1 = across(0, null)!;
    expect(rule1).toMatchObject({ withheld: 2, n: 9, sum: 31 });
    expect(groups.map((g) => g.measures[0]!.figures?.n ?? null)).toEqual([8, null, null]);

    // Every rule and item, across the groups: nothing withheld, or at least two groups holding k answers or none.
    totals.forEach((m, i) => {
      for (const item of [null, ...m.items.keys()]) {
        const r = across(i, item);
        if (r && r.n > 0) {
          expect(r.withheld, `${m.measure} ${item}`).toBeGreaterThanOrEqual(2);
          expect(r.n, `${m.measure} ${item}`).toBeGreaterThanOrEqual(k);
        }
      }
    });
    // And within each group, a rule over its items.
    expectRulesSafe(totals, k);
    for (const g of groups) expectRulesSafe(g.measures, k);
  });

  it('keeps a withheld item from falling out as its rule’s distribution minus its other items, in the API and the CSV', async () => {
    const k = 5;
    const { network, coordinator, api } = await setup(k);
    // Rule 2 of ten respondents: one alone rates "motivated" (with 1); six rate "diverse"; everyone rates the rest.
    const respondents: Respondent[] = Array.from({ length: 10 }, (_, i) => ({
      answers: { ...ruleAnswers(t, 'rule:2', 4), 'members.motivated': i === 0 ? 1 : 'none', 'members.diverse': i < 6 ? 2 : 'none', ...ruleAnswers(t, 'rule:1', 3) },
    }));
    const round = await closedRoundWithTallies(t, network.id, respondents);
    const later = await closedRoundWithTallies(t, network.id, respondents, '2026-05-20T14:00:00.000Z');

    const results = await get(coordinator, `${api}/rounds/${round.id}`);
    const rule2 = (results.measures as MeasureResult[]).find((m) => m.measure === 'rule:2')!;
    expect(rule2.items.filter((item) => item.figures === null).map((item) => item.itemKey)).toEqual(['members.motivated', 'members.diverse']);
    // Before this change only "motivated" was withheld: the rule's counts [1, 6, 0, 30, 0]
    // minus the four other items' [0, 6, 0, 30, 0] left [1, 0, 0, 0, 0], the one answer exactly.
    // Now "diverse" (6 answers, the smallest shown) is withheld with it.
    const r = residual(rule2.figures!, rule2.items.map((item) => item.figures), (f) => f.n)!;
    expect(r.counts).toEqual([1, 6, 0, 0, 0]);
    expectRulesSafe(results.measures, k);

    // The spreadsheet gives the same cells: rule row minus the item rows with figures.
    const text = await (await t.app.request(`${api}/rounds/${round.id}/aggregates.csv`, sendJson(coordinator, 'GET'))).text();
    const rows = (parse(text, { delimiter: ';', bom: true }) as string[][]).slice(1);
    const counts = (row: string[]) => row.slice(-5).map(Number);
    const ruleRow = rows.find((row) => row[1] === 'rule:2')!;
    const itemRows = rows.filter((row) => row[1]!.startsWith('members.'));
    const shownRows = itemRows.filter((row) => row[3] !== '');
    expect(itemRows.filter((row) => row[3] === '').map((row) => row[1])).toEqual(['members.motivated', 'members.diverse']);
    expect(counts(ruleRow).map((c, v) => c - shownRows.reduce((s, row) => s + counts(row)[v]!, 0))).toEqual([1, 6, 0, 0, 0]);

    // The comparison shows each round as its own page does.
    const comparison = await get(coordinator, `${api}/compare?before=${round.id}&after=${later.id}`);
    const compared = (key: string) => comparison.items.find((row: { key: string }) => row.key === key);
    for (const key of ['members.motivated', 'members.diverse']) expect(compared(key)).toMatchObject({ before: null, after: null, change: null });
    expect(compared('members.size_fits').before.n).toBe(10);
  });
});
