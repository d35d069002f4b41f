import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LANGUAGES, networks } from './networks.js';
import { rounds } from './rounds.js';

/** An open answer the coordinator quoted on a card, as written: checked against the round's shown open answers when saved. */
export type CardQuote = { itemKey: string; text: string };

/**
 * The network's "käyntikortti" after a strategy round: the coordinator's
 * answers to the strategy text's four questions and a few quoted open
 * answers. The area figures are not stored here: the card reads them from
 * the round's tallies, so they obey the threshold and go when the results go.
 * One card per round; the earlier rounds' cards are the card's history.
 */
export const networkCards = sqliteTable(
  'network_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    /** The language the texts are written in: the network's default language when the card was begun. */
    language: text('language', { enum: LANGUAGES }).notNull(),
    members: text('members').notNull().default(''),
    goals: text('goals').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    image: text('image').notNull().default(''),
    /** Emptied when the round's results are erased: a quote is an answer too. */
    quotes: text('quotes', { mode: 'json' }).$type<CardQuote[]>().notNull().default(sql`'[]'`),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Null while a draft, which only coordinators see. */
    publishedAt: text('published_at'),
  },
  (t) => [uniqueIndex('network_cards_network_round_unique').on(t.networkId, t.roundId)],
);
