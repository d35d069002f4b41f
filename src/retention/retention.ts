import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import { checkpoint, type Db } from '../db/client.js';
import { invitations, members, networks, outgoingMail, rounds } from '../db/schema/index.js';
import { invitationsOfRound } from '../rounds/invited-count.js';
import { addHelsinkiMonths } from '../rounds/helsinki-time.js';
import { eraseMembers } from './erase-member.js';
import { eraseDueResults } from './erase-results.js';

const DAY_MS = 86_400_000;

/** When a closed round's invitations and mail log go: its network's retention after its actual closing. */
export function invitationsErasedOn(round: { closedAt: string | null }, network: { invitationRetentionDays: number }): Date | null {
  return round.closedAt ? new Date(Date.parse(round.closedAt) + network.invitationRetentionDays * DAY_MS) : null;
}

/** When a deactivated member leaves the roster: its network's retention after the member last changed (the deactivation). */
export function inactiveMemberErasedOn(member: { active: boolean; updatedAt: string }, network: { inactiveMemberRetentionMonths: number }): Date | null {
  return member.active ? null : addHelsinkiMonths(new Date(member.updatedAt), network.inactiveMemberRetentionMonths);
}

/** `rounds`: rounds whose invitations and mail log went; `results`: rounds whose results went. */
export type RetentionReport = { rounds: number; members: number; results: number };

/**
 * Erases what each network keeps only for a while: the invitations and mail
 * log of rounds closed long enough ago (the invited total stays for the
 * response rate), the results of rounds closed long enough ago where the
 * network has a limit, and members deactivated long enough ago. secure_delete is
 * on, so the erased rows leave no readable copy in the file's free space.
 */
export async function applyRetention(db: Db, clock: Clock, secretKey: string): Promise<RetentionReport> {
  const now = clock.now();
  const closed = await db
    .select({ round: rounds, network: networks })
    .from(rounds)
    .innerJoin(networks, eq(networks.id, rounds.networkId))
    .where(and(eq(rounds.status, 'closed'), isNotNull(rounds.closedAt), isNull(rounds.invitationsErasedAt)));
  const dueRounds = closed.filter(({ round, network }) => invitationsErasedOn(round, network)! <= now).map(({ round }) => round.id);
  for (const roundId of dueRounds) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(rounds)
        .set({ invitedTotal: invitationsOfRound, invitationsErasedAt: now.toISOString() })
        .where(and(eq(rounds.id, roundId), isNull(rounds.invitationsErasedAt), isNull(rounds.invitedTotal)))
        .returning({ id: rounds.id });
      // A round closed since the invited total was kept at closing: keep that figure as it is.
      if (!claimed) await tx.update(rounds).set({ invitationsErasedAt: now.toISOString() }).where(and(eq(rounds.id, roundId), isNull(rounds.invitationsErasedAt)));
      await tx.delete(invitations).where(eq(invitations.roundId, roundId));
      await tx.delete(outgoingMail).where(and(eq(outgoingMail.roundId, roundId), inArray(outgoingMail.kind, ['invitation', 'reminder'])));
    });
  }

  if (dueRounds.length > 0) await checkpoint(db, 'TRUNCATE');
  const results = await eraseDueResults(db, clock);

  const inactive = await db
    .select({ id: members.id, active: members.active, updatedAt: members.updatedAt, networkId: members.networkId, retention: networks.inactiveMemberRetentionMonths })
    .from(members)
    .innerJoin(networks, eq(networks.id, members.networkId))
    .where(eq(members.active, false));
  const dueMembers = inactive.filter((m) => inactiveMemberErasedOn(m, { inactiveMemberRetentionMonths: m.retention })! <= now);
  for (const networkId of new Set(dueMembers.map((m) => m.networkId))) {
    await eraseMembers(db, clock, secretKey, networkId, dueMembers.filter((m) => m.networkId === networkId).map((m) => m.id), null);
  }
  return { rounds: dueRounds.length, members: dueMembers.length, results };
}
