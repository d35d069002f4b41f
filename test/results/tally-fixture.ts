import { itemTallies, measureTallies, RESPONSES_MEASURE, rounds } from '../../src/db/schema/index.js';
import { CANNOT_SAY } from '../../src/db/schema/responses.js';
import { scoredItems } from '../../src/responses/tally-keys.js';
import type { TestApp } from '../helpers/app.js';

/** One respondent: item key → scale value or "cannot say", and background answers. */
export type Respondent = { answers: Record<string, number | 'none'>; segments?: Record<string, string> };

/**
 * A closed network-rules v1 round whose tally rows are written directly, as the
 * storage path would leave them: results read only tallies, and this keeps the
 * tests apart from how answers are submitted and stored.
 */
export async function closedRoundWithTallies(t: TestApp, networkId: number, respondents: Respondent[], closesAt = '2026-02-20T14:00:00.000Z') {
  const version = t.deps.catalogue.find('network-rules', 1)!;
  const [round] = await t.deps.db
    .insert(rounds)
    .values({ networkId, questionnaireKey: version.key, questionnaireVersion: 1, title: `Kierros ${closesAt.slice(0, 7)}`, status: 'closed', opensAt: '2026-01-01T06:00:00.000Z', closesAt, collectSegments: true, createdAt: '2026-01-01T06:00:00.000Z' })
    .returning();
  const items = new Map<string, { segmentKey: string; segmentValue: string; itemKey: string; value: number; count: number }>();
  const measures = new Map<string, { segmentKey: string; segmentValue: string; measure: string; n: number; sum: number; sumSquares: number }>();
  const addMeasure = (segmentKey: string, segmentValue: string, measure: string, score: number) => {
    const id = JSON.stringify([segmentKey, segmentValue, measure]);
    const row = measures.get(id) ?? { segmentKey, segmentValue, measure, n: 0, sum: 0, sumSquares: 0 };
    measures.set(id, { ...row, n: row.n + 1, sum: row.sum + score, sumSquares: row.sumSquares + score * score });
  };
  for (const { answers, segments = {} } of respondents) {
    for (const [segmentKey, segmentValue] of [['', ''], ...Object.entries(segments)] as Array<[string, string]>) {
      addMeasure(segmentKey, segmentValue, RESPONSES_MEASURE, 0);
      const numeric = new Map<string, number[]>();
      for (const item of scoredItems(version)) {
        const answer = answers[item.itemKey];
        if (answer === undefined) continue;
        const value = answer === 'none' ? CANNOT_SAY : answer;
        const id = JSON.stringify([segmentKey, segmentValue, item.itemKey, value]);
        const row = items.get(id) ?? { segmentKey, segmentValue, itemKey: item.itemKey, value, count: 0 };
        items.set(id, { ...row, count: row.count + 1 });
        if (value !== CANNOT_SAY) numeric.set(item.measure, [...(numeric.get(item.measure) ?? []), value]);
      }
      // A respondent's score for a rule is the mean of their numeric answers to its items.
      for (const [measure, values] of numeric) addMeasure(segmentKey, segmentValue, measure, values.reduce((a, b) => a + b, 0) / values.length);
    }
  }
  if (items.size > 0) await t.deps.db.insert(itemTallies).values([...items.values()].map((row) => ({ roundId: round!.id, ...row })));
  await t.deps.db.insert(measureTallies).values([...measures.values()].map((row) => ({ roundId: round!.id, ...row })));
  return round!;
}

/** Every scored item of a rule answered with one value. */
export function ruleAnswers(t: TestApp, measure: string, value: number | 'none'): Record<string, number | 'none'> {
  const items = scoredItems(t.deps.catalogue.find('network-rules', 1)!).filter((item) => item.measure === measure);
  return Object.fromEntries(items.map((item) => [item.itemKey, value]));
}
