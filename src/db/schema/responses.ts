import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LANGUAGES } from './networks.js';
import { rounds } from './rounds.js';

/**
 * An anonymous answer. No column refers to an invitation or a member, the
 * day is the finest time kept, and the id is random (the app assigns it) so
 * that neither the key nor the storage order follows the order of arrival.
 */
export const responses = sqliteTable(
  'responses',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    questionnaireKey: text('questionnaire_key').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    submittedOn: text('submitted_on').notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    /** Coarse self-reported segments, e.g. {"organisationType":"vocational"}; only when the network collects them. */
    segments: text('segments', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    /** The answers as SurveyJS data. */
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('responses_round').on(t.roundId)],
);

/** The measure_tallies row that counts responses, so each group's size is read without counting rows. */
export const RESPONSES_MEASURE = '*';

/** Value stored in tallies for a "cannot say" answer. */
export const CANNOT_SAY = 0;

/**
 * Counts per round, segment, item and scale value, maintained at submission
 * so that results never group millions of rows at read time. Totals use the
 * empty segment key. Rows are created with count 0 when a round opens, so
 * their storage order says nothing about which answer came first.
 */
export const itemTallies = sqliteTable(
  'item_tallies',
  {
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    segmentKey: text('segment_key').notNull().default(''),
    segmentValue: text('segment_value').notNull().default(''),
    itemKey: text('item_key').notNull(),
    value: integer('value').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.segmentKey, t.segmentValue, t.itemKey, t.value] })],
);

/**
 * Per-respondent scores of a rule or strategy area (the mean of the
 * respondent's answered items), kept as n, sum and sum of squares: enough for
 * a mean, a standard deviation and a t-interval without reading responses.
 */
export const measureTallies = sqliteTable(
  'measure_tallies',
  {
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    segmentKey: text('segment_key').notNull().default(''),
    segmentValue: text('segment_value').notNull().default(''),
    measure: text('measure').notNull(),
    n: integer('n').notNull().default(0),
    sum: real('sum').notNull().default(0),
    sumSquares: real('sum_squares').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.segmentKey, t.segmentValue, t.measure] })],
);
