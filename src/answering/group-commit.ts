import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { invitations } from '../db/schema/index.js';
import { storeResponses, type ResponseInput } from '../responses/store.js';

/** One submission waiting for its turn: the invitation to use up and the response it brings. */
export type Submission = { invitationId: number; usedDaySealed: string; response: ResponseInput };

type Waiting = Submission & { settle: (stored: boolean) => void; fail: (error: unknown) => void };

// Bounds the size of one transaction (and its JSON parameters) under a burst.
const MAX_PER_TRANSACTION = 200;

/**
 * Uses up the invitations that are still unused and stores their responses;
 * returns the ids of the invitations claimed. Of two submissions with the same
 * invitation only the first is stored.
 */
async function storeClaimed(tx: Tx, submissions: Submission[]): Promise<Set<number>> {
  const first = new Map<number, Submission>();
  for (const submission of submissions) if (!first.has(submission.invitationId)) first.set(submission.invitationId, submission);
  const claims = JSON.stringify([...first.values()].map((s) => [s.invitationId, s.usedDaySealed]));
  const claimed = await tx.all<{ id: number }>(sql`
    UPDATE ${invitations} SET used = 1, used_day_sealed = claim.value ->> 1
    FROM json_each(${claims}) AS claim
    WHERE ${invitations.id} = claim.value ->> 0 AND ${invitations.used} = 0
    RETURNING ${invitations.id} AS id`);
  const ids = new Set(claimed.map((row) => row.id));
  await storeResponses(tx, [...first.values()].filter((s) => ids.has(s.invitationId)).map((s) => s.response));
  return ids;
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
  let writing = false;

  async function write(batch: Waiting[]): Promise<void> {
    try {
      const claimed = await db.transaction((tx) => storeClaimed(tx, batch));
      const settled = new Set<number>();
      for (const waiting of batch) {
        // A later duplicate of a claimed invitation finds it already used, as it would have alone.
        waiting.settle(claimed.has(waiting.invitationId) && !settled.has(waiting.invitationId));
        settled.add(waiting.invitationId);
      }
    } catch (error) {
      if (batch.length === 1) return batch[0]!.fail(error);
      // Nothing of the batch was stored: each submission gets its own transaction, so one failure fails only itself.
      for (const waiting of batch) await write([waiting]);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) await write(queue.splice(0, MAX_PER_TRANSACTION));
    writing = false;
  }

  /** Resolves true when the response was stored, false when the invitation had already been used. */
  return function commit(submission: Submission): Promise<boolean> {
    return new Promise((settle, fail) => {
      queue.push({ ...submission, settle, fail });
      // The embedded driver runs a transaction without yielding, so the drain waits for this turn of the
      // event loop to end: the submissions read in the same turn then share the transaction.
      if (!writing) (writing = true), setImmediate(drain);
    });
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;

const perDatabase = new WeakMap<Db, GroupCommit>();

/** One queue per database, shared by every request that writes responses to it. */
export function groupCommitFor(db: Db): GroupCommit {
  let commit = perDatabase.get(db);
  if (!commit) perDatabase.set(db, (commit = createGroupCommit(db)));
  return commit;
}
