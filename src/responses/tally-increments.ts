import { sql } from 'drizzle-orm';
import { itemTallies, measureTallies, RESPONSES_MEASURE } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import type { Interpreted } from './interpret.js';
import { TOTALS } from './tally-keys.js';

type ItemKey = [roundId: number, segmentKey: string, segmentValue: string, itemKey: string, value: number];
type MeasureKey = [roundId: number, segmentKey: string, segmentValue: string, measure: string];
type MeasureSums = { n: number; sum: number; sumSquares: number };

/** What a set of responses adds to the tallies, summed per tally row. */
export type TallyIncrements = {
  add(roundId: number, interpreted: Pick<Interpreted, 'segments' | 'itemValues' | 'measureScores'>): void;
  items: Map<string, { key: ItemKey; count: number }>;
  measures: Map<string, { key: MeasureKey; sums: MeasureSums }>;
};

export function createTallyIncrements(): TallyIncrements {
  const items: TallyIncrements['items'] = new Map();
  const measures: TallyIncrements['measures'] = new Map();
  return {
    items,
    measures,
    add(roundId, { segments, itemValues, measureScores }) {
      const groups = [TOTALS, ...Object.entries(segments).map(([segmentKey, segmentValue]) => ({ segmentKey, segmentValue }))];
      // Every response also counts in the '*' measure, which gives the size of each group.
      const scores = [{ measure: RESPONSES_MEASURE, score: 0 }, ...measureScores];
      for (const { segmentKey, segmentValue } of groups) {
        const group = `${roundId}\u0000${segmentKey}\u0000${segmentValue}`;
        for (const { itemKey, value } of itemValues) {
          const id = `${group}\u0000${itemKey}\u0000${value}`;
          const entry = items.get(id);
          if (entry) entry.count += 1;
          else items.set(id, { key: [roundId, segmentKey, segmentValue, itemKey, value], count: 1 });
        }
        for (const { measure, score } of scores) {
          const id = `${group}\u0000${measure}`;
          const sums = measures.get(id)?.sums ?? { n: 0, sum: 0, sumSquares: 0 };
          if (sums.n === 0) measures.set(id, { key: [roundId, segmentKey, segmentValue, measure], sums });
          sums.n += 1;
          sums.sum += score;
          sums.sumSquares += score * score;
        }
      }
    },
  };
}

/**
 * Adds the increments in SQL, never read-modify-write, so that no count is
 * lost to a concurrent writer. The keys travel as one JSON parameter, so the
 * statement text stays the same whatever is added. Returns false when a tally
 * row is missing, which means the round's tallies were never created.
 */
export async function addToTallies(tx: DbOrTx, increments: TallyIncrements): Promise<boolean> {
  const items = [...increments.items.values()].map(({ key, count }) => [...key, count]);
  const measures = [...increments.measures.values()].map(({ key, sums }) => [...key, sums.n, sums.sum, sums.sumSquares]);
  // Each increment finds its tally row by the primary key; the planner keeps the increments as the outer loop.
  if (items.length > 0) {
    const result = await tx.run(sql`
      UPDATE ${itemTallies} SET count = count + increment.value ->> 5
      FROM json_each(${JSON.stringify(items)}) AS increment
      WHERE ${itemTallies.roundId} = increment.value ->> 0 AND ${itemTallies.segmentKey} = increment.value ->> 1
        AND ${itemTallies.segmentValue} = increment.value ->> 2 AND ${itemTallies.itemKey} = increment.value ->> 3
        AND ${itemTallies.value} = increment.value ->> 4`);
    if (result.rowsAffected !== items.length) return false;
  }
  const result = await tx.run(sql`
    UPDATE ${measureTallies}
    SET n = n + increment.value ->> 4, sum = sum + increment.value ->> 5, sum_squares = sum_squares + increment.value ->> 6
    FROM json_each(${JSON.stringify(measures)}) AS increment
    WHERE ${measureTallies.roundId} = increment.value ->> 0 AND ${measureTallies.segmentKey} = increment.value ->> 1
      AND ${measureTallies.segmentValue} = increment.value ->> 2 AND ${measureTallies.measure} = increment.value ->> 3`);
  return result.rowsAffected === measures.length;
}
