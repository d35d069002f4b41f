import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.js';
import { networks } from './networks.js';
import { rounds } from './rounds.js';

export const AUDIT_ACTIONS = [
  'member_added',
  'member_changed',
  'member_deactivated',
  'member_reactivated',
  'members_imported',
  'round_opened',
  'invitations_sent',
  'reminders_sent',
  'round_closed',
  'settings_changed',
  'person_invited',
  'invitation_withdrawn',
  'role_removed',
  'personal_data_exported',
  'members_erased',
  'account_deleted',
  'privacy_notice_published',
  'questionnaire_published',
  'results_erased',
  'network_card_saved',
  'network_card_published',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What coordinators did to the roster and the rounds, readable by every
 * coordinator and leader of the network: padding a round with one's own
 * addresses or redirecting a member's link cannot happen unseen. Nothing here
 * depends on who has answered.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    roundId: integer('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
    /** The account that acted; null for the scheduler. */
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's name at the time, kept if the account goes. */
    actorName: text('actor_name'),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    /** What changed, e.g. {"member":"Maija M.","field":"email","from":"…","to":"…"}. */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('audit_events_network').on(t.networkId, t.at)],
);
