import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { itemTallies, measureTallies, RESPONSES_MEASURE } from '../db/schema/index.js';
import type { Moments } from './statistics.js';

/** Tallies of one group (totals, or one segment value) of one round. */
export type GroupTallies = {
  responses: number;
  measures: Map<string, Moments>;
  /** item key → scale value (0 = cannot say) → count */
  items: Map<string, Map<number, number>>;
};

export const emptyGroup = (): GroupTallies => ({ responses: 0, measures: new Map(), items: new Map() });
export const groupId = (segmentKey: string, segmentValue: string) => `${segmentKey}\u0000${segmentValue}`;

/** A round's totals; a round whose results were erased has no tallies left, only how many had answered. */
export function roundTotals(tallies: Map<number, Map<string, GroupTallies>>, round: { id: number; resultsErasedAt: string | null; answeredTotal: number | null }): GroupTallies {
  if (round.resultsErasedAt) return { ...emptyGroup(), responses: round.answeredTotal ?? 0 };
  return tallies.get(round.id)?.get(groupId('', '')) ?? emptyGroup();
}

/** Every tally row of the rounds, by round and group: a primary-key range read, however many responses there are. */
export async function readTallies(db: Db, roundIds: number[], segmentKey?: string): Promise<Map<number, Map<string, GroupTallies>>> {
  const byRound = new Map<number, Map<string, GroupTallies>>(roundIds.map((id) => [id, new Map()]));
  if (roundIds.length === 0) return byRound;
  const segments = segmentKey === undefined ? [''] : ['', segmentKey];
  const group = (roundId: number, key: string, value: string) => {
    const groups = byRound.get(roundId)!;
    const id = groupId(key, value);
    if (!groups.has(id)) groups.set(id, emptyGroup());
    return groups.get(id)!;
  };
  const [measures, items] = await Promise.all([
    db.select().from(measureTallies).where(and(inArray(measureTallies.roundId, roundIds), inArray(measureTallies.segmentKey, segments))),
    // Thousands of item rows: one JSON value is ~10× faster to bring into JavaScript than as row objects.
    db.get<{ rows: string | null }>(
      sql`SELECT json_group_array(json_array(round_id, segment_key, segment_value, item_key, value, count)) AS rows
          FROM ${itemTallies} WHERE ${and(inArray(itemTallies.roundId, roundIds), inArray(itemTallies.segmentKey, segments))}`,
    ),
  ]);
  for (const row of measures) {
    const target = group(row.roundId, row.segmentKey, row.segmentValue);
    if (row.measure === RESPONSES_MEASURE) target.responses = row.n;
    else target.measures.set(row.measure, { n: row.n, sum: row.sum, sumSquares: row.sumSquares });
  }
  for (const [roundId, segmentKey, segmentValue, itemKey, value, count] of JSON.parse(items.rows ?? '[]') as Array<[number, string, string, string, number, number]>) {
    const target = group(roundId, segmentKey, segmentValue).items;
    if (!target.has(itemKey)) target.set(itemKey, new Map());
    target.get(itemKey)!.set(value, count);
  }
  return byRound;
}

/** a − b, for the "everyone else" group that is derived from the totals. */
export function subtractGroups(a: GroupTallies, parts: GroupTallies[]): GroupTallies {
  const result = emptyGroup();
  result.responses = a.responses - parts.reduce((n, p) => n + p.responses, 0);
  for (const [measure, m] of a.measures) {
    const minus = parts.map((p) => p.measures.get(measure) ?? { n: 0, sum: 0, sumSquares: 0 });
    result.measures.set(measure, {
      n: m.n - minus.reduce((s, x) => s + x.n, 0),
      sum: m.sum - minus.reduce((s, x) => s + x.sum, 0),
      sumSquares: m.sumSquares - minus.reduce((s, x) => s + x.sumSquares, 0),
    });
  }
  for (const [item, counts] of a.items) {
    result.items.set(item, new Map([...counts].map(([value, count]) => [value, count - parts.reduce((s, p) => s + (p.items.get(item)?.get(value) ?? 0), 0)])));
  }
  return result;
}
