import { blob, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rounds } from './rounds.js';

/**
 * An anonymous answer, written only when its round closes, with all of the
 * round's answers in one random order (see responses/mix.ts). No column refers
 * to an invitation, a member, a time, the answering language or a self-reported
 * background: those would join against the roster. The id is random.
 */
export const responses = sqliteTable(
  'responses',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    questionnaireKey: text('questionnaire_key').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    /** The answers as SurveyJS data, without background (segment) answers. */
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('responses_round').on(t.roundId)],
);

/**
 * A response acknowledged while its round is open, sealed with a key derived
 * from the secret key (not in the database) and padded to one size per
 * questionnaire version, so that neither its content nor its length can be
 * matched with the plaintext response it becomes when the round closes.
 */
export const sealedResponses = sqliteTable(
  'sealed_responses',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    sealed: blob('sealed', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('sealed_responses_round').on(t.roundId)],
);

/**
 * "This invitation has been answered", as a keyed hash of the invitation that
 * only the secret key relates to it. The day answered is sealed with the
 * member's own link, so only that member can read it back.
 */
export const answerReceipts = sqliteTable(
  'answer_receipts',
  {
    nullifier: text('nullifier').primaryKey(),
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    answeredDaySealed: text('answered_day_sealed').notNull(),
  },
  (t) => [index('answer_receipts_round').on(t.roundId)],
);

/** Responses per round and Helsinki day: the response-rate curve, counted without any row per response. */
export const dailyResponseCounts = sqliteTable(
  'daily_response_counts',
  {
    roundId: integer('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    responses: integer('responses').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.day] })],
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
