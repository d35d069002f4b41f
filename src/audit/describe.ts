import type { BandBasis, Language } from '../db/schema/networks.js';
import { auditText } from '../i18n/audit.js';
import { fill } from '../i18n/messages.js';
import { memberText } from '../i18n/members.js';
import { networkText } from '../i18n/networks.js';
import type { MemberChange, MemberRef, SettingChange } from './entries.js';
import type { AuditEvent } from './read.js';

/** An event in words: one sentence, and the lines under it (changed fields, the members an import added). */
export type Described = { text: string; lines: string[]; linesTitle?: string };

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const erasedOr = (text: string, lang: Language) => text || auditText(lang).erasedPerson;
const member = (ref: MemberRef, lang: Language) => (ref.email ? `${ref.name} (${ref.email})` : auditText(lang).erasedPerson);

function memberValue(change: MemberChange, value: string, lang: Language): string {
  const t = memberText(lang);
  if (value === '') return auditText(lang).blank;
  if (change.field === 'organisationType') return (t as Record<string, string>)[`type_${value}`] ?? value;
  if (change.field === 'language') return (t as Record<string, string>)[`language_${value}`] ?? value;
  return value;
}

function memberLine(change: MemberChange, lang: Language): string {
  const field = memberText(lang)[change.field];
  return fill(auditText(lang).change, { field, from: memberValue(change, change.from, lang), to: memberValue(change, change.to, lang) });
}

function settingValue(value: SettingChange['from'], lang: Language, field: SettingChange['field']): string {
  const t = auditText(lang);
  if (field === 'defaultLanguage') return memberText(lang)[`language_${value as Language}`];
  if (field === 'bandBasis') return networkText(lang)[`bandBasis_${value as BandBasis}`];
  if (value === null) return t.keptUntilErased;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') return new Intl.NumberFormat(LOCALES[lang]).format(value);
  if (Array.isArray(value)) return value.map((code) => memberText(lang)[`language_${code}`]).join(', ');
  return value === '' ? t.blank : value;
}

function settingLine(change: SettingChange, lang: Language): string {
  const field = auditText(lang)[`setting_${change.field}`];
  return fill(auditText(lang).change, { field, from: settingValue(change.from, lang, change.field), to: settingValue(change.to, lang, change.field) });
}

/** The event as a coordinator or leader reads it in their language: names and addresses, never ids or raw data. */
export function describeEvent(event: AuditEvent, lang: Language): Described {
  const t = auditText(lang);
  const actor = event.actor?.name ?? t.scheduler;
  const round = event.round?.title ?? '';
  switch (event.action) {
    case 'member_added':
    case 'member_deactivated':
    case 'member_reactivated':
      return { text: fill(t[event.action], { actor, member: member(event.details.member, lang) }), lines: [] };
    case 'member_changed':
      return { text: fill(t.member_changed, { actor, member: member(event.details.member, lang) }), lines: event.details.changes.map((change) => memberLine(change, lang)) };
    case 'members_imported': {
      const { added, updated, addedMembers } = event.details;
      return { text: fill(t.members_imported, { actor, added, updated }), lines: addedMembers.map((m) => member({ memberId: 0, ...m }, lang)), linesTitle: fill(t.importedMembers, { count: added }) };
    }
    case 'settings_changed':
      return { text: fill(t.settings_changed, { actor }), lines: event.details.changes.map((change) => settingLine(change, lang)) };
    case 'person_invited':
    case 'invitation_withdrawn':
      return { text: fill(t[event.action], { actor, email: erasedOr(event.details.email, lang), roleAs: t[`roleAs_${event.details.role}`] }), lines: [] };
    case 'account_deleted':
    case 'privacy_notice_published':
      return { text: fill(t[event.action], { actor }), lines: [] };
    case 'questionnaire_published':
      return { text: fill(t.questionnaire_published, { actor, title: event.details.title[lang] ?? Object.values(event.details.title)[0] ?? '', number: event.details.ownNumber }), lines: [] };
    case 'members_erased':
      return { text: fill(event.actor ? t.members_erased : t.members_erased_by_retention, { actor, count: event.details.count }), lines: [] };
    case 'personal_data_exported':
      return { text: fill(t.personal_data_exported, { actor, email: erasedOr(event.details.email, lang) }), lines: [] };
    case 'role_removed':
      return { text: fill(t.role_removed, { actor, person: event.details.email ? `${event.details.name} (${event.details.email})` : t.erasedPerson, roleOf: t[`roleOf_${event.details.role}`] }), lines: [] };
    case 'invitations_sent': {
      const template = event.details.to === 'all' ? t.invitations_all : t.invitations_chosen;
      return { text: fill(template, { actor, round, count: event.details.count }), lines: [] };
    }
    case 'results_erased':
      return { text: fill(event.actor ? t.results_erased : t.results_erased_by_retention, { actor, round }), lines: [] };
    case 'network_card_saved':
    case 'network_card_published':
    case 'round_opened':
    case 'reminders_sent':
    case 'round_closed':
      return { text: fill(t[event.action], { actor, round }), lines: [] };
  }
}
