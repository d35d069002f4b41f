import { sql } from 'drizzle-orm';
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const BAND_BASES = ['mean', 'favourable'] as const;
export type BandBasis = (typeof BAND_BASES)[number];

/** The tenant: everything else hangs off a network. */
export const networks = sqliteTable('networks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** JSON array of the languages offered to members, the first is the default. */
  languages: text('languages', { mode: 'json' }).$type<Language[]>().notNull().default(sql`'["fi","sv","en"]'`),
  /** Anonymity threshold k: nothing is shown for fewer responses. */
  anonymityThreshold: integer('anonymity_threshold').notNull().default(5),
  /** Open answers to a question are shown only when at least this many wrote one; never below k. */
  openAnswerThreshold: integer('open_answer_threshold').notNull().default(5),
  collectSegments: integer('collect_segments', { mode: 'boolean' }).notNull().default(false),
  /** Score bands on the five-point scale: at or above strength is a strength, below concern a concern. */
  bandStrength: real('band_strength').notNull().default(4.0),
  bandConcern: real('band_concern').notNull().default(3.0),
  /** Whether the bands are read from the mean or from the favourable share (4–5), as HR pulse tools do. */
  bandBasis: text('band_basis', { enum: BAND_BASES }).notNull().default('mean'),
  /** Band limits on the favourable share, in whole percent: at or above strength a strength, below concern a concern. */
  favourableStrength: integer('favourable_strength').notNull().default(70),
  favourableConcern: integer('favourable_concern').notNull().default(50),
  /** Days after a round closes until its invitations and mail log are erased. */
  invitationRetentionDays: integer('invitation_retention_days').notNull().default(30),
  /** Months a deactivated member stays on the roster before being erased. */
  inactiveMemberRetentionMonths: integer('inactive_member_retention_months').notNull().default(12),
  /** Months after a round closes until its responses and figures are erased; null keeps them until a coordinator erases them. */
  resultRetentionMonths: integer('result_retention_months'),
  /** The privacy notice's network-specific parts, as the coordinator wrote them; null until written. */
  privacyNotice: text('privacy_notice', { mode: 'json' }).$type<PrivacyNoticeFields>(),
  createdAt: text('created_at').notNull(),
});

/** What only the network knows for its privacy notice; the rest is filled from its settings. */
export type PrivacyNoticeFields = {
  controller: string;
  contactName: string;
  contactEmail: string;
  protectionOfficer: string;
  additional: string;
  /** Null while a draft; members see the notice once published. */
  publishedAt: string | null;
};
