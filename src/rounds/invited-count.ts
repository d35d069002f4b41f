import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rounds } from '../db/schema/index.js';

/** Counted from a round's invitations, for setting `invited_total` in the same statement as the change that needs it. */
// Spelled out: drizzle leaves a column unqualified in a one-table statement, and inside the subquery
// a bare "id" would be the invitation's own.
export const invitationsOfRound = sql<number>`(SELECT count(*) FROM invitations WHERE invitations.round_id = "rounds"."id")`;

/**
 * How many a round invited. A closed round keeps the figure, so that its
 * response rate stays when retention erases the invitations or a member is
 * erased for good.
 */
export async function invitedCount(db: DbOrTx, roundId: number): Promise<number> {
  const [row] = await db.select({ kept: rounds.invitedTotal, counted: invitationsOfRound }).from(rounds).where(eq(rounds.id, roundId));
  return row?.kept ?? row?.counted ?? 0;
}
