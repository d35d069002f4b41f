import { sql } from 'drizzle-orm';
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The tenant: everything else hangs off a network. */
export const networks = sqliteTable('networks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** JSON array of the languages offered to members, the first is the default. */
  languages: text('languages', { mode: 'json' }).$type<Language[]>().notNull().default(sql`'["fi","sv","en"]'`),
  /** Anonymity threshold k: nothing is shown for fewer responses. */
  anonymityThreshold: integer('anonymity_threshold').notNull().default(5),
  collectSegments: integer('collect_segments', { mode: 'boolean' }).notNull().default(false),
  /** Score bands on the five-point scale: at or above strength is a strength, below concern a concern. */
  bandStrength: real('band_strength').notNull().default(4.0),
  bandConcern: real('band_concern').notNull().default(3.0),
  createdAt: text('created_at').notNull(),
});
