import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { networks } from './networks.js';
import { rounds } from './rounds.js';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;

/**
 * Outgoing mail: a queue with retries when SMTP is configured, and the local
 * outbox (status "outbox") kept for the operator's `npm run outbox` when it is not. A
 * delivered reminder leaves no row: its recipients are those who had not answered.
 */
export const outgoingMail = sqliteTable(
  'outgoing_mail',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    /** The round an invitation or reminder belongs to, so the round page can show failures. */
    roundId: integer('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
    /**
     * Recipient, subject, bodies, Reply-To and sender name, sealed with a key
     * derived from the secret key (see mail/sealed-mail.ts): a copy of the
     * database shows neither the links nor to whom a reminder went. Emptied
     * once delivered.
     */
    sealed: blob('sealed', { mode: 'buffer' }),
    kind: text('kind').notNull(),
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [index('outgoing_mail_status').on(t.status, t.nextAttemptAt), index('outgoing_mail_network').on(t.networkId), index('outgoing_mail_round').on(t.roundId)],
);
