import { z } from 'zod';
import type { VersionList } from '../catalogue/types.js';
import type { Language } from '../db/schema/networks.js';
import { roundText } from '../i18n/rounds.js';
import { fill } from '../i18n/messages.js';
import { parseInstant } from './helsinki-time.js';

export const TITLE_MAX = 200;
export const DEFAULT_REMINDER_DAYS = 3;
export const REMINDER_DAYS_MAX = 60;
export const RECURRENCE_MONTHS_MAX = 36;
const DAY_MS = 86_400_000;

/**
 * A whole number from 1 to max. Absent means the default; empty, "none" or
 * null mean none (a form sends an empty field, JSON sends null).
 */
function countOrNone(max: number, message: string, absent: number | null) {
  // optional(): zod skips an absent key's transform otherwise, and the default would never apply.
  return z.unknown().optional().transform((value, ctx): number | null => {
    if (value === undefined) return absent;
    if (value === null || value === '' || value === 'none') return null;
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= max) return n;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/** A title in another language: optional, and an empty field means none. */
function translatedTitle(t: ReturnType<typeof roundText>) {
  return z
    .string()
    .optional()
    .transform((v) => v?.replace(/\s+/g, ' ').trim() || undefined)
    .pipe(z.string().max(TITLE_MAX, fill(t.titleTooLong, { max: TITLE_MAX })).optional());
}

/** Most scheduled reminders a round takes: more would be nagging. */
export const REMINDERS_MAX = 4;

/**
 * Days before closing for each scheduled reminder: a list from the API, "7, 2"
 * from a form. Absent means the default; empty, "none" or null mean none.
 * Sorted from the earliest reminder on, each day once.
 */
function reminderDays(message: string) {
  return z.unknown().optional().transform((value, ctx): number[] => {
    if (value === undefined) return [DEFAULT_REMINDER_DAYS];
    if (value === null || value === '' || value === 'none') return [];
    const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : [value];
    const days = parts.map((part) => (typeof part === 'number' ? part : typeof part === 'string' && /^\d+$/.test(part) ? Number(part) : NaN));
    if (days.length > REMINDERS_MAX || days.some((d) => !Number.isInteger(d) || d < 1 || d > REMINDER_DAYS_MAX)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return [...new Set(days)].sort((a, b) => b - a);
  });
}

function instant(message: string) {
  return z.unknown().optional().transform((value, ctx): Date => {
    const date = typeof value === 'string' ? parseInstant(value) : null;
    if (date) return date;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/**
 * A round's settings from a form or the API. Times are Helsinki wall times
 * (as a datetime-local input sends them) or ISO times with a zone. The
 * version defaults to the questionnaire's latest.
 */
export function roundInputSchema(lang: Language, catalogue: VersionList, now: Date) {
  const t = roundText(lang);
  const keys = catalogue.keys() as [string, ...string[]];
  return z
    .object({
      questionnaireKey: z.enum(keys, { message: t.questionnaireInvalid }),
      questionnaireVersion: countOrNone(10_000, t.versionInvalid, null),
      title: z
        .string({ message: t.titleRequired })
        .transform((v) => v.replace(/\s+/g, ' ').trim())
        .pipe(z.string().min(1, t.titleRequired).max(TITLE_MAX, fill(t.titleTooLong, { max: TITLE_MAX }))),
      titleSv: translatedTitle(t),
      titleEn: translatedTitle(t),
      opensAt: instant(t.opensAtInvalid),
      closesAt: instant(t.closesAtInvalid),
      reminderDays: reminderDays(fill(t.reminderInvalid, { max: REMINDER_DAYS_MAX, count: REMINDERS_MAX })),
      recurrenceMonths: countOrNone(RECURRENCE_MONTHS_MAX, fill(t.recurrenceInvalid, { max: RECURRENCE_MONTHS_MAX }), null),
    })
    .transform((input, ctx) => {
      const versions = catalogue.versionsOf(input.questionnaireKey);
      const version = input.questionnaireVersion ?? versions.at(-1)?.version;
      if (version === undefined || !catalogue.find(input.questionnaireKey, version)) {
        ctx.addIssue({ code: 'custom', path: ['questionnaireVersion'], message: t.versionInvalid });
        return z.NEVER;
      }
      const opens = input.opensAt.getTime();
      const closes = input.closesAt.getTime();
      if (closes <= opens) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: t.closesAfterOpens });
      else if (closes <= now.getTime()) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: t.closesInPast });
      else if (input.reminderDays.some((days) => closes - days * DAY_MS <= opens)) {
        ctx.addIssue({ code: 'custom', path: ['reminderDays'], message: t.reminderBeforeOpening });
      }
      return { ...input, questionnaireVersion: version };
    });
}

export type RoundInput = z.output<ReturnType<typeof roundInputSchema>>;

/**
 * What an open round's edit may not do: its questionnaire and opening time
 * are fixed once members may have answered, and its closing time may only
 * move later (a member may have planned to answer on the last day).
 */
export function lockedFieldProblems(
  round: { status: string; questionnaireKey: string; questionnaireVersion: number; opensAt: string; closesAt: string },
  input: RoundInput,
  lang: Language,
): Record<string, string> {
  if (round.status !== 'open') return {};
  const t = roundText(lang);
  const problems: Record<string, string> = {};
  if (input.questionnaireKey !== round.questionnaireKey || input.questionnaireVersion !== round.questionnaireVersion) problems.questionnaireKey = t.questionnaireLocked;
  if (input.opensAt.getTime() !== new Date(round.opensAt).getTime()) problems.opensAt = t.opensAtLocked;
  if (input.closesAt.getTime() < new Date(round.closesAt).getTime()) problems.closesAt = t.closesOnlyLater;
  return problems;
}
