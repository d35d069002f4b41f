import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LANGUAGES, networks } from './networks.js';

export const ORGANISATION_TYPES = [
  'early_childhood',
  'comprehensive_school',
  'upper_secondary',
  'vocational',
  'municipal_administration',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The roster: people who are invited to answer. */
export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisation: text('organisation').notNull().default(''),
    organisationType: text('organisation_type', { enum: ORGANISATION_TYPES }).notNull().default('other'),
    language: text('language', { enum: LANGUAGES }).notNull().default('fi'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('members_network_email_unique').on(t.networkId, t.email), index('members_network').on(t.networkId)],
);

/**
 * Addresses a network must not invite again, kept only as a keyed hash: the
 * list refuses the address at import or entry without storing it readably.
 */
export const doNotInvite = sqliteTable(
  'do_not_invite',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    emailHash: text('email_hash').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('do_not_invite_network_email_unique').on(t.networkId, t.emailHash)],
);
