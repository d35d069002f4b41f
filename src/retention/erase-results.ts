import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import { checkpoint, type Db } from '../db/client.js';
import { answerReceipts, dailyResponseCounts, itemTallies, measureTallies, networks, outgoingMail, responses, rounds, sealedResponses } from '../db/schema/index.js';
import { addHelsinkiMonths } from '../rounds/helsinki-time.js';
import { invitationsOfRound } from '../rounds/invited-count.js';
import { RoundRefused } from '../rounds/refusals.js';
import { eraseCardQuotes } from '../cards/actions.js';

/** When a closed round's results go: its network's months after its actual closing, on the Helsinki calendar; null while open or when the network keeps them. */
export function resultsErasedOn(round: { closedAt: string | null }, network: { resultRetentionMonths: number | null }): Date | null {
  return round.closedAt && network.resultRetentionMonths !== null ? addHelsinkiMonths(new Date(round.closedAt), network.resultRetentionMonths) : null;
}

// Spelled out like invitationsOfRound: inside the subquery a bare "round_id" must be the receipt's own.
const answeredOfRound = sql<number>`(SELECT count(*) FROM answer_receipts WHERE answer_receipts.round_id = "rounds"."id")`;

/**
 * Everything stored from a round's answers — responses, any left sealed, the
 * receipts, per-day counts, every tally (totals and segments alike) and the
 * network's undelivered digests and the open answers quoted on the round's card —
 * while the round keeps its title, dates and invited and answered totals.
 * The claim is a conditional write, so two erasures at once erase once.
 */
async function eraseInTransaction(db: Db, clock: Clock, roundId: number, actor: Actor): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(rounds)
      .set({ resultsErasedAt: now.toISOString(), answeredTotal: answeredOfRound, invitedTotal: sql`coalesce(${rounds.invitedTotal}, ${invitationsOfRound})` })
      .where(and(eq(rounds.id, roundId), eq(rounds.status, 'closed'), isNull(rounds.resultsErasedAt)))
      .returning({ networkId: rounds.networkId });
    if (!claimed) {
      const [round] = await tx.select({ status: rounds.status }).from(rounds).where(eq(rounds.id, roundId));
      throw new RoundRefused(round?.status === 'closed' ? 'results_erased' : round ? 'results_not_closed' : 'changed');
    }
    for (const table of [responses, sealedResponses, answerReceipts, dailyResponseCounts, itemTallies, measureTallies]) await tx.delete(table).where(eq(table.roundId, roundId));
    // A digest not yet delivered may quote the erased figures; a sent one keeps no content.
    await tx.delete(outgoingMail).where(and(eq(outgoingMail.networkId, claimed.networkId), eq(outgoingMail.kind, 'digest'), ne(outgoingMail.status, 'sent')));
    await eraseCardQuotes(tx, roundId);
    await recordAudit(tx, { networkId: claimed.networkId, actor, at: now, action: 'results_erased', roundId, details: {} });
  });
}

/**
 * Erases a closed round's results for good; `actor` null: retention did it.
 * secure_delete is on and the write-ahead log is emptied after, so the
 * answers leave no readable copy in the database file.
 */
export async function eraseRoundResults(db: Db, clock: Clock, roundId: number, actor: Actor): Promise<void> {
  await eraseInTransaction(db, clock, roundId, actor);
  await checkpoint(db, 'TRUNCATE');
}

/** Retention's part: the results of every round closed longer ago than its network keeps them. Returns how many rounds. */
export async function eraseDueResults(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const closed = await db
    .select({ round: rounds, network: networks })
    .from(rounds)
    .innerJoin(networks, eq(networks.id, rounds.networkId))
    .where(and(eq(rounds.status, 'closed'), isNull(rounds.resultsErasedAt), isNotNull(networks.resultRetentionMonths)));
  const due = closed.filter(({ round, network }) => {
    const on = resultsErasedOn(round, network);
    return on !== null && on <= now;
  });
  let erased = 0;
  for (const { round } of due) {
    try {
      await eraseInTransaction(db, clock, round.id, null);
      erased++;
    } catch (error) {
      // Erased by hand meanwhile: nothing left to do.
      if (!(error instanceof RoundRefused)) throw error;
    }
  }
  if (erased > 0) await checkpoint(db, 'TRUNCATE');
  return erased;
}
