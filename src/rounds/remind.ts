import { and, eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Db, Tx } from '../db/client.js';
import { answerReceipts, invitations, members, rounds, sentReminders } from '../db/schema/index.js';
import { receiptNullifier } from '../answering/receipts.js';
import type { Network } from '../networks/networks.js';
import { invitationToken } from './invitation-links.js';
import { assertTakesMail } from './invite.js';
import { RoundRefused } from './refusals.js';
import { queueRoundMail, roundMailLength, type RoundMailDeps, type Sender } from './round-mail.js';
import type { Round } from './rounds.js';

type Deps = RoundMailDeps & { db: Db };

/** A round sends no two reminders within this time, whether by hand, by a double click, or by the schedule. */
export const REMINDER_GAP_HOURS = 24;

/**
 * A scheduled reminder is claimed by its sent_reminders row, written in the
 * same transaction that queues the mail: whichever run claims it first sends
 * it, any other run (or a restarted server) finds it claimed.
 */
async function claimScheduledReminder(tx: Tx, roundId: number, daysBefore: number, now: string): Promise<boolean> {
  const claimed = await tx.insert(sentReminders).values({ roundId, daysBefore, sentAt: now }).onConflictDoNothing().returning({ roundId: sentReminders.roundId });
  return claimed.length > 0;
}

export type ScheduledReminder = { daysBefore: number; dueAt: string; sentAt: string | null };

const DAY_MS = 86_400_000;

/** The round's scheduled reminders, earliest first: when each falls due, and when it went. */
export async function scheduledReminders(db: Db, round: Pick<Round, 'id' | 'closesAt' | 'reminderDays'>): Promise<ScheduledReminder[]> {
  const sent = new Map((await db.select().from(sentReminders).where(eq(sentReminders.roundId, round.id))).map((row) => [row.daysBefore, row.sentAt]));
  const closes = new Date(round.closesAt).getTime();
  return round.reminderDays.map((daysBefore) => ({ daysBefore, dueAt: new Date(closes - daysBefore * DAY_MS).toISOString(), sentAt: sent.get(daysBefore) ?? null }));
}

/** When the round's previous reminder went, if that was less than a day ago. */
async function remindedRecently(tx: Tx, roundId: number, now: Date): Promise<Date | null> {
  const [round] = await tx.select({ lastRemindedAt: rounds.lastRemindedAt }).from(rounds).where(eq(rounds.id, roundId));
  const last = round?.lastRemindedAt ? new Date(round.lastRemindedAt) : null;
  return last && now.getTime() - last.getTime() < REMINDER_GAP_HOURS * 3_600_000 ? last : null;
}

/**
 * Reminds every invited, still active member who has not answered, with the
 * same link as the invitation. Who has answered is known only to the server:
 * each link's receipt key is recomputed with the secret key. Nothing records
 * whom a reminder went to, or how many: the queued rows are sealed, padded to
 * one length and gone once delivered, and the round keeps only when it
 * reminded. In outbox mode no reminder is written at all: it would never be
 * delivered, so its row would stay and tell how many had not answered. Returns false when the scheduled reminder had already been sent.
 */
export async function sendReminders(deps: Deps, round: Round, network: Network, sender: Sender, actor: Actor, { scheduledDays }: { scheduledDays?: number } = {}): Promise<boolean> {
  const scheduled = scheduledDays !== undefined;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (!scheduled) await assertTakesMail(deps.db, round.id, now);
  const paddedLength = await roundMailLength(deps, 'reminder', round, network, sender);
  return deps.db.transaction(async (tx) => {
    if (scheduled && !(await claimScheduledReminder(tx, round.id, scheduledDays, nowIso))) return false;
    await assertTakesMail(tx, round.id, now);
    const recent = await remindedRecently(tx, round.id, now);
    // The scheduled reminder that falls within a day of one sent by hand counts as sent: members were just reminded.
    if (recent && scheduled) return true;
    if (recent) throw new RoundRefused('reminded_recently', { at: recent });
    await tx.update(rounds).set({ lastRemindedAt: nowIso }).where(eq(rounds.id, round.id));
    // Recorded whether or not anyone was left to remind: an entry only when someone was would tell that all had answered.
    await recordAudit(tx, { networkId: network.id, actor, at: now, action: 'reminders_sent', roundId: round.id, details: {} });
    if (deps.mailer.mode !== 'smtp') return true;
    const answered = new Set(
      (await tx.select({ nullifier: answerReceipts.nullifier }).from(answerReceipts).where(eq(answerReceipts.roundId, round.id))).map((r) => r.nullifier),
    );
    const invited = await tx
      .select({ invitationId: invitations.id, email: members.email, language: members.language })
      .from(invitations)
      .innerJoin(members, eq(members.id, invitations.memberId))
      .where(and(eq(invitations.roundId, round.id), eq(members.active, true)));
    const unanswered = invited.filter((i) => !answered.has(receiptNullifier(deps.secretKey, invitationToken(deps.secretKey, i.invitationId))));
    for (const recipient of unanswered) await queueRoundMail(tx, deps, 'reminder', round, network, sender, recipient, paddedLength);
    return true;
  });
}
