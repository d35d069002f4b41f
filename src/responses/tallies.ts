import type { QuestionnaireVersion } from '../catalogue/types.js';
import { itemTallies, measureTallies, RESPONSES_MEASURE } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { kindOf } from '../question-kinds/index.js';
import { scoredMeasures, segmentGroups } from './tally-keys.js';

// Keeps each INSERT well under SQLite's limit on bound parameters.
const ROWS_PER_INSERT = 1000;

function chunks<T>(rows: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) result.push(rows.slice(i, i + ROWS_PER_INSERT));
  return result;
}

/**
 * Creates every tally row of a round with zero counts before any answer
 * arrives, so that neither which rows exist nor their storage order tells
 * anything about who answered first. Safe to call again.
 */
export async function initialiseTallies(tx: DbOrTx, roundId: number, version: QuestionnaireVersion, collectSegments: boolean): Promise<void> {
  const groups = segmentGroups(version, collectSegments);
  const cells = version.items.flatMap((item) => kindOf(item).tallyCells(item, version));
  const itemRows = groups.flatMap((group) => cells.map((cell) => ({ roundId, ...group, ...cell, count: 0 })));
  const measureRows = groups.flatMap((group) =>
    [RESPONSES_MEASURE, ...scoredMeasures(version)].map((measure) => ({ roundId, ...group, measure, n: 0, sum: 0, sumSquares: 0 })),
  );
  for (const rows of chunks(itemRows)) await tx.insert(itemTallies).values(rows).onConflictDoNothing();
  for (const rows of chunks(measureRows)) await tx.insert(measureTallies).values(rows).onConflictDoNothing();
}
