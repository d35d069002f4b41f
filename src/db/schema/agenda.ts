import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.js';
import { networks } from './networks.js';
import { rounds } from './rounds.js';

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;

/** An item of the renewal agenda, prompted by a round's result on one rule or area. */
export const actions = sqliteTable(
  'actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    measure: text('measure').notNull(),
    description: text('description').notNull(),
    owner: text('owner').notNull().default(''),
    dueOn: text('due_on'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('planned'),
    /** The prioritisation round in which the members chose this action, and its choice there: the members' priority is read from its results. */
    chosenInRoundId: integer('chosen_in_round_id'),
    choiceValue: text('choice_value'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('actions_network').on(t.networkId, t.measure)],
);

/** Read-only report links for leadership; the secret is stored as a hash. */
export const reportLinks = sqliteTable(
  'report_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull().default(''),
    /** JSON array of round ids the link is limited to; null for all rounds. */
    roundIds: text('round_ids', { mode: 'json' }).$type<number[] | null>(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('report_links_token_hash_unique').on(t.tokenHash)],
);
