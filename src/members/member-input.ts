import { z } from 'zod';
import { ORGANISATION_TYPES } from '../db/schema/members.js';
import type { Language } from '../db/schema/networks.js';
import { memberText } from '../i18n/members.js';
import { fill } from '../i18n/messages.js';

export const NAME_MAX = 200;
export const ORGANISATION_MAX = 200;
/** The longest address SMTP can carry. */
const EMAIL_MAX = 254;

const emailFormat = z.email();

/** Collapses runs of whitespace (line breaks too) so that a value stays on one line in lists and CSV files. */
export const tidy = (value: string) => value.replace(/\s+/g, ' ').trim();

/** Addresses are stored lower-case, so uniqueness per network ignores case. */
export const normaliseEmail = (value: string) => value.trim().toLowerCase();

export const isEmail = (value: string) => value.length <= EMAIL_MAX && emailFormat.safeParse(value).success;

/** A member's details from a form or the API; the language must be one the network offers. */
export function memberInputSchema(lang: Language, languages: readonly Language[]) {
  const t = memberText(lang);
  const offered = languages as [Language, ...Language[]];
  const languageMessage = fill(t.languageInvalid, { languages: languages.join(', ') });
  return z.object({
    name: z
      .string({ message: t.nameRequired })
      .transform(tidy)
      .pipe(z.string().min(1, t.nameRequired).max(NAME_MAX, fill(t.nameTooLong, { max: NAME_MAX }))),
    email: z
      .string({ message: t.emailRequired })
      .transform(normaliseEmail)
      .pipe(z.string().min(1, t.emailRequired).refine(isEmail, t.emailInvalid)),
    organisation: z
      .string({ message: fill(t.organisationTooLong, { max: ORGANISATION_MAX }) })
      .transform(tidy)
      .pipe(z.string().max(ORGANISATION_MAX, fill(t.organisationTooLong, { max: ORGANISATION_MAX })))
      .default(''),
    organisationType: z.enum(ORGANISATION_TYPES, { message: t.organisationTypeInvalid }).default('other'),
    language: z.enum(offered, { message: languageMessage }).default(offered[0]),
  });
}

export type MemberInput = z.output<ReturnType<typeof memberInputSchema>>;
