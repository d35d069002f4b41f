import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from './members.js';
import { networks } from './networks.js';

/** A questionnaire version is recorded the first time a round uses it; its hash then guards the file. */
export const questionnaireVersions = sqliteTable(
  'questionnaire_versions',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    firstUsedAt: text('first_used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

/** A round's title in the languages other than its default one. */
export type TitleTranslations = { sv?: string; en?: string };

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    questionnaireKey: text('questionnaire_key').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    title: text('title').notNull(),
    /** The title in Swedish and English, where given; members of those languages see \`title\` otherwise. */
    titleTranslations: text('title_translations', { mode: 'json' }).$type<TitleTranslations>().notNull().default(sql`'{}'`),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('draft'),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    openedAt: text('opened_at'),
    closedAt: text('closed_at'),
    /** Scheduled reminders, as days before closing (e.g. [7, 2]); empty for none. */
    reminderDays: text('reminder_days', { mode: 'json' }).$type<number[]>().notNull().default(sql`'[]'`),
    /** Copied from the network when the round opens, so a settings change cannot split a round's tallies. */
    collectSegments: integer('collect_segments', { mode: 'boolean' }).notNull().default(false),
    /** Schedule the next round this many months after this one opened; null for none. */
    recurrenceMonths: integer('recurrence_months'),
    /** The round this one was scheduled from; unique, so a recurring round is created at most once. */
    previousRoundId: integer('previous_round_id'),
    /** When the round's latest reminder went out, by hand or on schedule; kept per round, never per member. */
    lastRemindedAt: text('last_reminded_at'),
    /** The network's anonymity threshold, fixed when the round opens: lowering it later cannot reveal this round. */
    anonymityThreshold: integer('anonymity_threshold'),
    /** The network's open-answer threshold, fixed when the round opens, like the anonymity threshold. */
    openAnswerThreshold: integer('open_answer_threshold'),
    /** How many were invited, kept when retention erases the invitations so that the response rate stays. */
    invitedTotal: integer('invited_total'),
    /** When retention erased the round's invitations and mail log. */
    invitationsErasedAt: text('invitations_erased_at'),
    /** How many answered, kept when the round's results are erased so that its response rate stays. */
    answeredTotal: integer('answered_total'),
    /** When the round's responses and figures were erased, by retention or by hand. */
    resultsErasedAt: text('results_erased_at'),
    /** A prioritisation round: the round whose proposals the members rank, which adopted actions stem from. */
    agendaRoundId: integer('agenda_round_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('rounds_network').on(t.networkId, t.opensAt),
    index('rounds_status').on(t.status),
    uniqueIndex('rounds_previous_unique').on(t.previousRoundId),
  ],
);

/**
 * A scheduled reminder of a round that has gone (or was passed over because
 * one had just gone by hand): the row is its claim, so a restart or a second
 * server never sends it twice.
 */
export const sentReminders = sqliteTable(
  'sent_reminders',
  {
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    daysBefore: integer('days_before').notNull(),
    sentAt: text('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.daysBefore] })],
);

/**
 * One member in one round. The token is stored only as a hash. Nothing here
 * changes when the member answers, and nothing records reminders per member:
 * whether an invitation was used is known only through its answer receipt,
 * which only the secret key relates to it (see answering/receipts.ts).
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash'),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('invitations_round_member_unique').on(t.roundId, t.memberId),
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
  ],
);
