import { and, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { MAIL_STATUSES, outgoingMail } from '../db/schema/index.js';

export type MailError = {
  kind: string;
  /** Null for reminders: they go only to members who have not answered, so the address would tell who has. */
  recipient: string | null;
  status: 'queued' | 'failed';
  attempts: number;
  error: string;
  /** When the next attempt is due; null once it has failed for good. */
  nextAttemptAt: string | null;
};

export type RoundMailStatus = Record<(typeof MAIL_STATUSES)[number], number> & { recentErrors: MailError[] };

const RECENT_ERRORS = 10;

/** Delivery counts of a round's mail, and the latest problems still unresolved, for the round page. */
export async function mailStatusForRound(db: Db, roundId: number): Promise<RoundMailStatus> {
  const counts = await db
    .select({ status: outgoingMail.status, n: count() })
    .from(outgoingMail)
    .where(eq(outgoingMail.roundId, roundId))
    .groupBy(outgoingMail.status);
  const errors = await db
    .select({
      kind: outgoingMail.kind,
      recipient: outgoingMail.recipient,
      status: outgoingMail.status,
      attempts: outgoingMail.attempts,
      error: outgoingMail.lastError,
      nextAttemptAt: outgoingMail.nextAttemptAt,
    })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.roundId, roundId), inArray(outgoingMail.status, ['queued', 'failed']), isNotNull(outgoingMail.lastError)))
    .orderBy(desc(outgoingMail.id))
    .limit(RECENT_ERRORS);
  const status: RoundMailStatus = { queued: 0, sent: 0, failed: 0, outbox: 0, recentErrors: [] };
  for (const { status: s, n } of counts) status[s] = n;
  status.recentErrors = errors.map((e) => ({
    kind: e.kind,
    recipient: e.kind === 'reminder' ? null : e.recipient,
    status: e.status === 'failed' ? 'failed' : 'queued',
    attempts: e.attempts,
    error: e.error ?? '',
    nextAttemptAt: e.nextAttemptAt,
  }));
  return status;
}

export type OutboxItem = {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  senderName: string | null;
  replyTo: string | null;
  createdAt: string;
};

/** One page of a network's local outbox, newest first. */
export async function listOutbox(db: Db, networkId: number, { limit, offset }: { limit: number; offset: number }): Promise<{ total: number; items: OutboxItem[] }> {
  const inOutbox = and(eq(outgoingMail.networkId, networkId), eq(outgoingMail.status, 'outbox'));
  const [total] = await db.select({ n: count() }).from(outgoingMail).where(inOutbox);
  const items = await db
    .select({
      id: outgoingMail.id,
      kind: outgoingMail.kind,
      recipient: outgoingMail.recipient,
      subject: outgoingMail.subject,
      textBody: outgoingMail.textBody,
      htmlBody: outgoingMail.htmlBody,
      senderName: outgoingMail.senderName,
      replyTo: outgoingMail.replyTo,
      createdAt: outgoingMail.createdAt,
    })
    .from(outgoingMail)
    .where(inOutbox)
    .orderBy(desc(outgoingMail.id))
    .limit(limit)
    .offset(offset);
  return { total: total?.n ?? 0, items };
}
