import { z } from 'zod';
import type { SettingChange } from '../audit/entries.js';
import { BAND_BASES, LANGUAGES, type Language } from '../db/schema/networks.js';
import { networkText } from '../i18n/networks.js';

export const MIN_ANONYMITY_THRESHOLD = 3;

/** Peers show comments from five writers where scores need three; never below the network's k. */
export const defaultOpenAnswerThreshold = (anonymityThreshold: number) => Math.max(anonymityThreshold, 5);

/** Form checkboxes arrive as "on"/absent, JSON as booleans; both mean the same. */
const flag = z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')]).optional().transform((v) => v === true || v === 'on' || v === 'true');

/**
 * The stored list of offered languages starts with the default, the rest in
 * the fixed order; every reader of `languages[0]` gets the default that way,
 * and networks saved before the default was a choice of its own keep theirs.
 */
export const defaultLanguage = (network: { languages: readonly Language[] }): Language => network.languages[0]!;

const offered = (languages: readonly Language[], preferred: Language): Language[] => [preferred, ...LANGUAGES.filter((l) => l !== preferred && languages.includes(l))];

/**
 * The settings of a new network, or the new settings of one whose current
 * default is `current`: the default is chosen explicitly, and only among the
 * offered languages; left out (an older API client), it stays what it was
 * if still offered, else it is the first offered in the fixed order.
 */
export function networkSettingsSchema(lang: Language, current?: Language) {
  const t = networkText(lang);
  const number = (message: string) => z.coerce.number({ message });
  return z
    .object({
      name: z.string({ message: t.nameRequired }).trim().min(1, t.nameRequired).max(200, t.nameTooLong),
      languages: z
        .union([z.enum(LANGUAGES, { message: t.languagesRequired }), z.array(z.enum(LANGUAGES, { message: t.languagesRequired }))], { message: t.languagesRequired })
        .transform((v) => (Array.isArray(v) ? v : [v]))
        .pipe(z.array(z.enum(LANGUAGES)).min(1, t.languagesRequired))
        .transform((v) => LANGUAGES.filter((l) => v.includes(l))),
      defaultLanguage: z.enum(LANGUAGES, { message: t.defaultNotOffered }).optional(),
      anonymityThreshold: number(t.thresholdInvalid).int(t.thresholdInvalid).min(MIN_ANONYMITY_THRESHOLD, t.thresholdInvalid).max(100, t.thresholdInvalid).default(5),
      // Left empty or out (an older API client), it is 5, or k where k is higher.
      openAnswerThreshold: z.preprocess(
        (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
        number(t.openThresholdInvalid).int(t.openThresholdInvalid).min(MIN_ANONYMITY_THRESHOLD, t.openThresholdInvalid).max(100, t.openThresholdInvalid).optional(),
      ),
      collectSegments: flag,
      bandStrength: number(t.bandInvalid).min(1, t.bandInvalid).max(5, t.bandInvalid).default(4),
      bandConcern: number(t.bandInvalid).min(1, t.bandInvalid).max(5, t.bandInvalid).default(3),
      bandBasis: z.enum(BAND_BASES, { message: t.bandBasisInvalid }).default('mean'),
      favourableStrength: number(t.favourableInvalid).int(t.favourableInvalid).min(1, t.favourableInvalid).max(100, t.favourableInvalid).default(70),
      favourableConcern: number(t.favourableInvalid).int(t.favourableInvalid).min(0, t.favourableInvalid).max(99, t.favourableInvalid).default(50),
      invitationRetentionDays: number(t.retentionDaysInvalid).int(t.retentionDaysInvalid).min(1, t.retentionDaysInvalid).max(3650, t.retentionDaysInvalid).default(30),
      inactiveMemberRetentionMonths: number(t.retentionMonthsInvalid).int(t.retentionMonthsInvalid).min(1, t.retentionMonthsInvalid).max(120, t.retentionMonthsInvalid).default(12),
      // An empty field (or null, or left out) keeps results until a coordinator erases them.
      resultRetentionMonths: z.preprocess(
        (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
        number(t.resultRetentionInvalid).int(t.resultRetentionInvalid).min(1, t.resultRetentionInvalid).max(600, t.resultRetentionInvalid).nullable(),
      ),
    })
    .refine((s) => s.defaultLanguage === undefined || s.languages.includes(s.defaultLanguage), { path: ['defaultLanguage'], message: t.defaultNotOffered })
    .refine((s) => s.bandConcern < s.bandStrength, { path: ['bandConcern'], message: t.bandOrder })
    .refine((s) => s.favourableConcern < s.favourableStrength, { path: ['favourableConcern'], message: t.favourableOrder })
    .refine((s) => s.openAnswerThreshold === undefined || s.openAnswerThreshold >= s.anonymityThreshold, { path: ['openAnswerThreshold'], message: t.openThresholdBelowK })
    .transform(({ defaultLanguage: chosen, languages, openAnswerThreshold, ...rest }) => {
      const kept = current && languages.includes(current) ? current : languages[0]!;
      return { ...rest, openAnswerThreshold: openAnswerThreshold ?? defaultOpenAnswerThreshold(rest.anonymityThreshold), languages: offered(languages, chosen ?? kept) };
    });
}

export type NetworkSettings = z.output<ReturnType<typeof networkSettingsSchema>>;

const STORED_FIELDS = ['name', 'languages', 'anonymityThreshold', 'openAnswerThreshold', 'collectSegments', 'bandStrength', 'bandConcern', 'bandBasis', 'favourableStrength', 'favourableConcern', 'invitationRetentionDays', 'inactiveMemberRetentionMonths', 'resultRetentionMonths'] as const;
const SETTING_FIELDS = [...STORED_FIELDS, 'defaultLanguage'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
export type SettingValue = NetworkSettings[(typeof STORED_FIELDS)[number]] | Language;

/** The settings as a person compares them: the offered languages as a set, the default on its own. */
const compared = (s: NetworkSettings): Record<SettingField, SettingValue> => ({ ...s, languages: LANGUAGES.filter((l) => s.languages.includes(l)), defaultLanguage: defaultLanguage(s) });

const same = (a: SettingValue, b: SettingValue) => (Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : a === b);

/** The settings that differ, each old → new, for the audit trail. */
export function settingChanges(before: NetworkSettings, after: NetworkSettings): SettingChange[] {
  const [from, to] = [compared(before), compared(after)];
  return SETTING_FIELDS.filter((field) => !same(from[field], to[field])).map((field) => ({ field, from: from[field], to: to[field] }));
}
