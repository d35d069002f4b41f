import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { rounds, sealedResponses } from '../db/schema/index.js';
import { openAnswers, responseSealingKey } from './sealed-responses.js';
import { storeResponses } from './store.js';

// Bounds one transaction's size and the time the write lock is held; most rounds fit in one.
const RESPONSES_PER_TRANSACTION = 2000;

/** Fisher–Yates with a cryptographic source: the written order must be unpredictable, not merely varied. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Turns a closed round's sealed responses into plaintext responses and tallies.
 * Each transaction takes the sealed rows with the lowest (random) ids, which is
 * a random subset of the round, writes them in a fresh random order and deletes
 * them; so neither the commit, the storage order nor the position of a cell in
 * a page follows the order of answering. A crash between transactions leaves
 * the rest sealed, and the next call (the scheduler's, or at start) goes on.
 * Returns how many responses were written.
 */
export async function mixRound(deps: { db: Db; catalogue: Catalogue; secretKey: string }, roundId: number): Promise<number> {
  const { db, catalogue, secretKey } = deps;
  const [round] = await db.select().from(rounds).where(eq(rounds.id, roundId));
  if (!round || round.status !== 'closed') return 0;
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  if (!version) return 0;
  const key = responseSealingKey(secretKey);
  let written = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(sealedResponses)
        .where(eq(sealedResponses.roundId, roundId))
        .orderBy(asc(sealedResponses.id))
        .limit(RESPONSES_PER_TRANSACTION);
      if (batch.length === 0) return 0;
      const inputs = batch.map((row) => ({ roundId, version, answers: openAnswers(key, roundId, row.sealed), collectSegments: round.collectSegments }));
      await storeResponses(tx, shuffle(inputs));
      await tx.delete(sealedResponses).where(and(eq(sealedResponses.roundId, roundId), inArray(sealedResponses.id, batch.map((row) => row.id))));
      return batch.length;
    });
    if (done === 0) return written;
    written += done;
  }
}

/** Closed rounds whose responses are still (partly) sealed: a close that a crash interrupted. */
export async function roundsLeftSealed(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ roundId: sealedResponses.roundId })
    .from(sealedResponses)
    .innerJoin(rounds, eq(rounds.id, sealedResponses.roundId))
    .where(eq(rounds.status, 'closed'));
  return rows.map((row) => row.roundId);
}
