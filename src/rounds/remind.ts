import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { invitations, members, rounds } from '../db/schema/index.js';
import type { Network } from '../networks/networks.js';
import { assertTakesMail } from './invite.js';
import { queueRoundMail, type RoundMailDeps, type Sender } from './round-mail.js';
import type { Round } from './rounds.js';

type Deps = RoundMailDeps & { db: Db };

/** No member gets two reminders within this time, whether sent by hand, twice by a double click, or by the schedule. */
export const REMINDER_GAP_HOURS = 24;

/**
 * The scheduled reminder is claimed by setting rounds.reminderSentAt in the
 * same transaction that queues the mail: whichever run claims it first sends
 * it, any other run (or a restarted server) finds it claimed.
 */
async function claimScheduledReminder(tx: Tx, roundId: number, now: string): Promise<boolean> {
  const claimed = await tx
    .update(rounds)
    .set({ reminderSentAt: now })
    .where(and(eq(rounds.id, roundId), eq(rounds.status, 'open'), isNull(rounds.reminderSentAt)))
    .returning({ id: rounds.id });
  return claimed.length > 0;
}

/**
 * Reminds every invited, still active member whose link is unused, with the
 * same link as the invitation. Returns how many were reminded, or null when
 * the scheduled reminder had already been sent. The coordinator learns only
 * this count, never to whom.
 */
export async function sendReminders(deps: Deps, round: Round, network: Network, sender: Sender, { scheduled = false } = {}): Promise<number | null> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (!scheduled) await assertTakesMail(deps.db, round.id, now);
  return deps.db.transaction(async (tx) => {
    if (scheduled && !(await claimScheduledReminder(tx, round.id, nowIso))) return null;
    await assertTakesMail(tx, round.id, now);
    const recentlyReminded = new Date(now.getTime() - REMINDER_GAP_HOURS * 3_600_000).toISOString();
    const unused = await tx
      .select({ invitationId: invitations.id, email: members.email, language: members.language })
      .from(invitations)
      .innerJoin(members, eq(members.id, invitations.memberId))
      .where(
        and(
          eq(invitations.roundId, round.id),
          eq(invitations.used, false),
          eq(members.active, true),
          or(isNull(invitations.lastRemindedAt), lte(invitations.lastRemindedAt, recentlyReminded)),
        ),
      );
    for (const recipient of unused) await queueRoundMail(tx, deps, 'reminder', round, network, sender, recipient);
    const ids = unused.map((r) => r.invitationId);
    for (let i = 0; i < ids.length; i += 500) {
      await tx
        .update(invitations)
        .set({ remindersSent: sql`${invitations.remindersSent} + 1`, lastRemindedAt: nowIso })
        .where(inArray(invitations.id, ids.slice(i, i + 500)));
    }
    return unused.length;
  });
}
