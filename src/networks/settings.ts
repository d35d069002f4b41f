import { z } from 'zod';
import type { SettingChange } from '../audit/entries.js';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { networkText } from '../i18n/networks.js';

export const MIN_ANONYMITY_THRESHOLD = 3;

/** Form checkboxes arrive as "on"/absent, JSON as booleans; both mean the same. */
const flag = z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')]).optional().transform((v) => v === true || v === 'on' || v === 'true');

export function networkSettingsSchema(lang: Language) {
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
      anonymityThreshold: number(t.thresholdInvalid).int(t.thresholdInvalid).min(MIN_ANONYMITY_THRESHOLD, t.thresholdInvalid).max(100, t.thresholdInvalid).default(5),
      collectSegments: flag,
      bandStrength: number(t.bandInvalid).min(1, t.bandInvalid).max(5, t.bandInvalid).default(4),
      bandConcern: number(t.bandInvalid).min(1, t.bandInvalid).max(5, t.bandInvalid).default(3),
    })
    .refine((s) => s.bandConcern < s.bandStrength, { path: ['bandConcern'], message: t.bandOrder });
}

export type NetworkSettings = z.output<ReturnType<typeof networkSettingsSchema>>;

export const SETTING_FIELDS = ['name', 'languages', 'anonymityThreshold', 'collectSegments', 'bandStrength', 'bandConcern'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
export type SettingValue = NetworkSettings[SettingField];

const same = (a: SettingValue, b: SettingValue) => (Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : a === b);

/** The settings that differ, each old → new, for the audit trail. */
export function settingChanges(before: NetworkSettings, after: NetworkSettings): SettingChange[] {
  return SETTING_FIELDS.filter((field) => !same(before[field], after[field])).map((field) => ({ field, from: before[field], to: after[field] }));
}
