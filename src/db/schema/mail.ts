import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { networks } from './networks.js';

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
  (t) => [index('outgoing_mail_status').on(t.status, t.nextAttemptAt), index('outgoing_mail_network').on(t.networkId)],
);
