import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.js';
import { networks } from './networks.js';

export const OWNED_VERSION_STATUSES = ['draft', 'published'] as const;
export type OwnedVersionStatus = (typeof OWNED_VERSION_STATUSES)[number];

/**
 * A questionnaire version a network made for itself: derived from a shipped
 * or an own version, or imported from a file. A draft can change; a
 * published version is immutable and gets its catalogue number, which is
 * above every shipped file's so that a later release cannot collide with it.
 */
export const ownedVersions = sqliteTable(
  'owned_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    /** The questionnaire it belongs to (e.g. "network-rules"): trends and comparisons follow the key. */
    key: text('key').notNull(),
    /** The version it was derived from, for its diff; null for an import with nothing to compare to. */
    parentVersion: integer('parent_version'),
    /** The SurveyJS JSON, in the same form as a file under surveys/. */
    json: text('json', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: OWNED_VERSION_STATUSES }).notNull().default('draft'),
    /** Set on publishing: the catalogue number, unique per key across networks. */
    version: integer('version'),
    /** Set on publishing: the network's own count of its versions of the key (1, 2, …), for people to read. */
    ownNumber: integer('own_number'),
    contentHash: text('content_hash'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    publishedAt: text('published_at'),
  },
  (t) => [
    index('owned_versions_network').on(t.networkId, t.key),
    uniqueIndex('owned_versions_number').on(t.key, t.version),
  ],
);
