import { z } from 'zod';
import type { Language } from '../db/schema/networks.js';
import { draftProblemText, refusalText } from '../i18n/editor-problems.js';
import { fill } from '../i18n/messages.js';
import type { Texts } from './draft-json.js';
import { findMeasure } from './measures.js';

/** The longest text one field takes: a statement, a help text or a page's introduction is far shorter. */
export const TEXT_MAX = 1000;

/** The form field of one text in one language: "title_fi", "point_3_sv". */
export const textField = (prefix: string, code: Language) => `${prefix}_${code}`;

/** Optional text fields for each prefix in each of the draft's languages; an absent field leaves its text as it is. */
export function textsSchema(prefixes: readonly string[], languages: readonly Language[], lang: Language) {
  const text = z.string().max(TEXT_MAX, fill(draftProblemText(lang).textTooLong, { max: TEXT_MAX })).optional();
  return z.object(Object.fromEntries(prefixes.flatMap((prefix) => languages.map((code) => [textField(prefix, code), text]))));
}

/** The texts of one prefix from parsed fields. */
export function textsFrom(data: Record<string, unknown>, prefix: string, languages: readonly Language[]): Texts {
  return Object.fromEntries(languages.flatMap((code) => (typeof data[textField(prefix, code)] === 'string' ? [[code, data[textField(prefix, code)] as string]] : [])));
}

export function measureSchema(lang: Language) {
  return z.string({ message: refusalText(lang, 'unknown-measure') }).refine((id) => findMeasure(id) !== undefined, refusalText(lang, 'unknown-measure'));
}

/** An open question's rule or area; the empty choice ties it to none. */
export function optionalMeasureSchema(lang: Language) {
  return z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(measureSchema(lang).optional());
}

export const choiceSchema = <const T extends readonly [string, ...string[]]>(values: T, lang: Language) => z.enum(values, { message: draftProblemText(lang).pickOne });
