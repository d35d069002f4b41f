import type { Language, Role } from '../db/schema/index.js';
import type { MemberField } from '../members/actions.js';
import type { SettingField, SettingValue } from '../networks/settings.js';

/** A member as they were named at the time, so the entry reads the same after later edits. */
export type MemberRef = { memberId: number; name: string; email: string };
export type MemberChange = { field: MemberField; from: string; to: string };
export type SettingChange = { field: SettingField; from: SettingValue; to: SettingValue };

/**
 * What each action records. Only what a coordinator did, never anything that
 * depends on who has answered: no reminder counts, no per-member answer state.
 */
export type AuditEntry =
  | { action: 'member_added' | 'member_deactivated' | 'member_reactivated'; details: { member: MemberRef } }
  | { action: 'member_changed'; details: { member: MemberRef; changes: MemberChange[] } }
  /** The addresses an import added are listed: padding a round by import must be as visible as by hand. */
  | { action: 'members_imported'; details: { added: number; updated: number; addedMembers: Array<{ name: string; email: string }> } }
  | { action: 'settings_changed'; details: { changes: SettingChange[] } }
  | { action: 'person_invited' | 'invitation_withdrawn'; details: { email: string; role: Role } }
  | { action: 'role_removed'; details: { name: string; email: string; role: Role } }
  /** An access request's file was made: the log shows who read whose data. */
  | { action: 'personal_data_exported'; details: { email: string } }
  /** No names: the erased are gone from the log too, which keeps only that it happened. */
  | { action: 'members_erased'; details: { count: number } }
  /** The actor is the account itself; its address is not kept. */
  | { action: 'account_deleted'; details: Record<string, never> }
  | { action: 'privacy_notice_published'; details: Record<string, never> }
  /** The title as it read then, in every language the version has. */
  | { action: 'questionnaire_published'; details: { title: Partial<Record<Language, string>>; ownNumber: number } }
  | { action: 'round_opened' | 'round_closed' | 'reminders_sent'; roundId: number; details: Record<string, never> }
  /** By a coordinator, or by retention (no actor). */
  | { action: 'results_erased'; roundId: number; details: Record<string, never> }
  /** The network's card of a strategy round: its texts and quotes are on the card itself, so the entry names only the round. */
  | { action: 'network_card_saved' | 'network_card_published'; roundId: number; details: Record<string, never> }
  /** `to`: every active member not yet invited, or a group the coordinator chose. */
  | { action: 'invitations_sent'; roundId: number; details: { count: number; to: 'all' | 'chosen' } };
