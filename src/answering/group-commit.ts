import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { answerReceipts, dailyResponseCounts, sealedResponses } from '../db/schema/index.js';
import { randomResponseId } from '../responses/ids.js';

/**
 * One submission waiting for its turn: the receipt that uses up its link, and
 * the sealed response with the day it counts towards. Nothing in it names the
 * invitation: the database relates neither to the member.
 */
export type Submission = { roundId: number; nullifier: string; answeredDaySealed: string; day: string; sealed: Buffer };

type Waiting = Submission & { settle: (stored: boolean) => void; fail: (error: unknown) => void };

// Bounds the size of one transaction (and its JSON parameters) under a burst.
const MAX_PER_TRANSACTION = 200;

/**
 * Writes the receipts that do not exist yet and, for those alone, the sealed
 * responses and the day counts; returns the nullifiers stored. Of two
 * submissions with the same link only the first is stored.
 */
async function storeReceipted(tx: Tx, submissions: Submission[]): Promise<Set<string>> {
  const first = new Map<string, Submission>();
  for (const submission of submissions) if (!first.has(submission.nullifier)) first.set(submission.nullifier, submission);
  const receipts = JSON.stringify([...first.values()].map((s) => [s.nullifier, s.roundId, s.answeredDaySealed]));
  // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
  const stored = await tx.all<{ nullifier: string }>(sql`
    INSERT INTO ${answerReceipts} (nullifier, round_id, answered_day_sealed)
    SELECT receipt.value ->> 0, receipt.value ->> 1, receipt.value ->> 2 FROM json_each(${receipts}) AS receipt WHERE true
    ON CONFLICT DO NOTHING RETURNING nullifier`);
  const nullifiers = new Set(stored.map((row) => row.nullifier));
  const accepted = [...first.values()].filter((s) => nullifiers.has(s.nullifier));
  if (accepted.length === 0) return nullifiers;
  // Random ids: the sealed rows' keys, like their contents, follow nothing of the arrival.
  await tx.insert(sealedResponses).values(accepted.map((s) => ({ id: randomResponseId(), roundId: s.roundId, sealed: s.sealed })));
  const days = new Map<string, { roundId: number; day: string; n: number }>();
  for (const s of accepted) {
    const key = `${s.roundId} ${s.day}`;
    days.set(key, { roundId: s.roundId, day: s.day, n: (days.get(key)?.n ?? 0) + 1 });
  }
  for (const { roundId, day, n } of days.values()) {
    await tx
      .insert(dailyResponseCounts)
      .values({ roundId, day, responses: n })
      .onConflictDoUpdate({ target: [dailyResponseCounts.roundId, dailyResponseCounts.day], set: { responses: sql`${dailyResponseCounts.responses} + ${n}` } });
  }
  return nullifiers;
}

/**
 * Group commit: submissions that arrive while a transaction is being written
 * wait and are then written together in the next one. A burst after an
 * invitation email thus costs a few transactions instead of one per member,
 * with no wait added when submissions are few. Each submission's promise
 * settles only once its transaction has committed.
 */
export function createGroupCommit(db: Db) {
  const queue: Waiting[] = [];
  let idle: Promise<void> = Promise.resolve();
  let writing = false;

  async function write(batch: Waiting[]): Promise<void> {
    try {
      const stored = await db.transaction((tx) => storeReceipted(tx, batch));
      const settled = new Set<string>();
      for (const waiting of batch) {
        // A later duplicate of a stored link finds it already used, as it would have alone.
        waiting.settle(stored.has(waiting.nullifier) && !settled.has(waiting.nullifier));
        settled.add(waiting.nullifier);
      }
    } catch (error) {
      if (batch.length === 1) return batch[0]!.fail(error);
      // Nothing of the batch was stored: each submission gets its own transaction, so one failure fails only itself.
      for (const waiting of batch) await write([waiting]);
    }
  }

  async function writeQueued(): Promise<void> {
    while (queue.length > 0) await write(queue.splice(0, MAX_PER_TRANSACTION));
    writing = false;
  }

  /** Resolves true when the response was stored, false when its link had already been used. */
  function commit(submission: Submission): Promise<boolean> {
    return new Promise((settle, fail) => {
      queue.push({ ...submission, settle, fail });
      // The embedded driver runs a transaction without yielding, so the writing waits for this turn of the
      // event loop to end: the submissions read in the same turn then share the transaction.
      if (!writing) {
        writing = true;
        idle = new Promise((resolve) => setImmediate(() => void writeQueued().then(resolve)));
      }
    });
  }

  /** Resolves once every submission handed in so far is written (shutdown waits for it before closing the database). */
  const drained = (): Promise<void> => idle;

  return Object.assign(commit, { drained });
}

/** One per database, built by the server and shared by every request that writes responses to it. */
export type GroupCommit = ReturnType<typeof createGroupCommit>;
