import { and, count, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { MAIL_STATUSES, outgoingMail } from '../db/schema/index.js';
import { mailSealingKey, openMail } from './sealed-mail.js';

export type MailError = {
  kind: string;
  /** Null once the round has closed and the sealed content is gone. */
  recipient: string | null;
  status: 'queued' | 'failed';
  attempts: number;
  error: string;
  /** When the next attempt is due; null once it has failed for good. */
  nextAttemptAt: string | null;
};

export type RoundMailStatus = Record<(typeof MAIL_STATUSES)[number], number> & { recentErrors: MailError[] };

const RECENT_ERRORS = 10;

/*
 * Reminders are left out of every count and list: they go only to those who
 * have not answered, so how many were queued, sent or failed, and to whom,
 * would tell a coordinator who answered (e.g. after deactivating all but one).
 */
const notReminder = ne(outgoingMail.kind, 'reminder');

/** Delivery counts of a round's invitation mail, and the latest problems still unresolved, for the round page. */
export async function mailStatusForRound(db: Db, secretKey: string, roundId: number): Promise<RoundMailStatus> {
  const counts = await db
    .select({ status: outgoingMail.status, n: count() })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.roundId, roundId), notReminder))
    .groupBy(outgoingMail.status);
  const errors = await db
    .select({
      kind: outgoingMail.kind,
      sealed: outgoingMail.sealed,
      status: outgoingMail.status,
      attempts: outgoingMail.attempts,
      error: outgoingMail.lastError,
      nextAttemptAt: outgoingMail.nextAttemptAt,
    })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.roundId, roundId), notReminder, inArray(outgoingMail.status, ['queued', 'failed']), isNotNull(outgoingMail.lastError)))
    .orderBy(desc(outgoingMail.id))
    .limit(RECENT_ERRORS);
  const status: RoundMailStatus = { queued: 0, sent: 0, failed: 0, outbox: 0, recentErrors: [] };
  for (const { status: s, n } of counts) status[s] = n;
  const key = mailSealingKey(secretKey);
  status.recentErrors = errors.map((e) => ({
    kind: e.kind,
    recipient: e.sealed ? openMail(key, e.kind, e.sealed).recipient : null,
    status: e.status === 'failed' ? 'failed' : 'queued',
    attempts: e.attempts,
    error: e.error ?? '',
    nextAttemptAt: e.nextAttemptAt,
  }));
  return status;
}
