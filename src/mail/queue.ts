import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { outgoingMail } from '../db/schema/index.js';
import { MailSendError, type Mailer } from './mailer.js';
import { imagesOf, mailSealingKey, openMail, sealMail, type MailContent } from './sealed-mail.js';

export const MAIL_KINDS = ['invitation', 'reminder', 'password-reset', 'account-invite', 'digest', 'accessibility-feedback'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type MailToQueue = MailContent & {
  networkId?: number | undefined;
  roundId?: number | undefined;
  kind: MailKind;
  /** Pad the sealed row to this length, e.g. one length for all of a round's reminders. */
  paddedLength?: number | undefined;
};

/** What queues mail: the clock, the secret key it is sealed with, and whether it is sent or kept in the outbox. */
export type MailQueueDeps = { clock: Clock; secretKey: string; mailer: Pick<Mailer, 'mode'> };

/** After this many failed attempts a message is 'failed' and waits for retryFailed. */
export const MAX_ATTEMPTS = 8;
/** Wait after the 1st, 2nd, … failure; the last step repeats. Eight attempts span about two days. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 360, 720, 1440];
/**
 * A claimed message is hidden from other deliverers this long. One send
 * fails within seconds (see the mailer's timeouts), so the lease only
 * expires if this process died mid-send, and then the message is retried.
 */
const LEASE_MS = 10 * 60_000;

export function retryDelayMs(failedAttempts: number): number {
  const step = Math.min(Math.max(failedAttempts, 1), BACKOFF_MINUTES.length) - 1;
  return (BACKOFF_MINUTES[step] ?? 1) * 60_000;
}

/**
 * Stores a message, sealed, to send ('queued', due now) or, in outbox mode, to
 * keep for the operator's `npm run outbox`. Takes a transaction, so the mail and what it
 * announces (e.g. an invitation) are written together or not at all.
 */
export async function enqueueMail(db: DbOrTx, { clock, secretKey, mailer }: MailQueueDeps, mail: MailToQueue): Promise<number> {
  const now = clock.now().toISOString();
  const mode = mailer.mode;
  const { networkId, roundId, kind, paddedLength, ...content } = mail;
  const [row] = await db
    .insert(outgoingMail)
    .values({
      networkId: networkId ?? null,
      roundId: roundId ?? null,
      kind,
      sealed: sealMail(mailSealingKey(secretKey), kind, content, paddedLength),
      status: mode === 'smtp' ? 'queued' : 'outbox',
      nextAttemptAt: mode === 'smtp' ? now : null,
      createdAt: now,
    })
    .returning({ id: outgoingMail.id });
  if (!row) throw new Error('the mail row was not inserted');
  return row.id;
}

type QueuedRow = typeof outgoingMail.$inferSelect;

/**
 * Takes the next due message and leases it in one UPDATE: SQLite runs a
 * statement atomically, so two deliverers can never claim the same row.
 * Counting the attempt here means a crash mid-send still uses one up.
 */
async function claimNext(db: Db, now: Date): Promise<QueuedRow | undefined> {
  const nowIso = now.toISOString();
  const due = and(eq(outgoingMail.status, 'queued'), lte(outgoingMail.nextAttemptAt, nowIso));
  const next = db
    .select({ id: outgoingMail.id })
    .from(outgoingMail)
    .where(due)
    // Account mail (no round) first: a person is waiting for a reset link, not for the 150th invitation.
    .orderBy(sql`${outgoingMail.roundId} IS NOT NULL`, asc(outgoingMail.nextAttemptAt), asc(outgoingMail.id))
    .limit(1);
  const [row] = await db
    .update(outgoingMail)
    .set({ attempts: sql`${outgoingMail.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS).toISOString() })
    .where(and(inArray(outgoingMail.id, next), due))
    .returning();
  return row;
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/*
 * A reminder's row goes as soon as it is delivered or given up: the set of
 * reminder rows is the set of those who had not answered. Other mail keeps a
 * row with its status (for the round page's counts), but not its content.
 */
const leavesNoRow = (kind: string) => kind === 'reminder';

export type DeliveryOptions = {
  batchSize?: number;
  /** Checked before each claim: on shutdown the send in flight finishes and the rest stays queued. */
  stopping?: () => boolean;
  /** Told each attempt's kind and outcome, e.g. for /metrics. */
  onAttempt?: (kind: string, outcome: keyof DeliveryReport) => void;
};

/** Sends due mail one message at a time, at most batchSize; outbox mode sends nothing. */
export async function deliverDueMail(db: Db, mailer: Mailer, clock: Clock, secretKey: string, { batchSize = 20, stopping = () => false, onAttempt = () => {} }: DeliveryOptions = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  if (mailer.mode === 'outbox') return report;
  const key = mailSealingKey(secretKey);
  for (let i = 0; i < batchSize && !stopping(); i++) {
    const row = await claimNext(db, clock.now());
    if (!row) break;
    try {
      if (!row.sealed) throw new MailSendError('the message has no content');
      const mail = openMail(key, row.kind, row.sealed);
      await mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, fromName: mail.senderName, replyTo: mail.replyTo, attachments: imagesOf(mail) });
    } catch (error) {
      const outcome = await recordFailure(db, row, error, clock.now());
      report[outcome]++;
      onAttempt(row.kind, outcome);
      continue;
    }
    if (leavesNoRow(row.kind)) await db.delete(outgoingMail).where(eq(outgoingMail.id, row.id));
    else {
      await db
        .update(outgoingMail)
        .set({ status: 'sent', sentAt: clock.now().toISOString(), sealed: null, nextAttemptAt: null, lastError: null })
        .where(eq(outgoingMail.id, row.id));
    }
    report.sent++;
    onAttempt(row.kind, 'sent');
  }
  return report;
}

async function recordFailure(db: Db, row: QueuedRow, error: unknown, now: Date): Promise<'retrying' | 'failed'> {
  // Only MailSendError messages are known to be free of credentials.
  const lastError = error instanceof MailSendError ? error.message : 'unexpected error while sending';
  const gaveUp = row.attempts >= MAX_ATTEMPTS;
  if (gaveUp && leavesNoRow(row.kind)) {
    await db.delete(outgoingMail).where(eq(outgoingMail.id, row.id));
    return 'failed';
  }
  await db
    .update(outgoingMail)
    .set({
      status: gaveUp ? 'failed' : 'queued',
      lastError,
      nextAttemptAt: gaveUp ? null : new Date(now.getTime() + retryDelayMs(row.attempts)).toISOString(),
    })
    .where(eq(outgoingMail.id, row.id));
  return gaveUp ? 'failed' : 'retrying';
}

/** Requeues a round's failed mail with a fresh set of attempts; returns how many. */
export async function retryFailed(db: Db, clock: Clock, roundId: number): Promise<number> {
  const result = await db
    .update(outgoingMail)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: clock.now().toISOString() })
    .where(and(eq(outgoingMail.roundId, roundId), eq(outgoingMail.status, 'failed'), isNotNull(outgoingMail.sealed)));
  return result.rowsAffected;
}
