import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { networks } from './networks.js';
import { rounds } from './rounds.js';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;

/**
 * Outgoing mail: a queue with retries when SMTP is configured, and the local
 * outbox (status "outbox") that a coordinator reads when it is not.
 */
export const outgoingMail = sqliteTable(
  'outgoing_mail',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    /** The round an invitation or reminder belongs to, so the round page can show failures. */
    roundId: integer('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
    /** Reply-To, e.g. the coordinator who sent the round. */
    replyTo: text('reply_to'),
    /** Display name of the sender, e.g. the network's name. */
    senderName: text('sender_name'),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [index('outgoing_mail_status').on(t.status, t.nextAttemptAt), index('outgoing_mail_network').on(t.networkId), index('outgoing_mail_round').on(t.roundId)],
);
