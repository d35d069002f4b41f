import { z } from 'zod';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { digestText } from '../i18n/digest.js';
import { fill } from '../i18n/messages.js';
import { isEmail, normaliseEmail } from '../members/member-input.js';

/** A digest goes to leadership and a few others; a longer list belongs in the member roster. */
const MAX_EXTRA_RECIPIENTS = 20;

/** The on-demand digest's input: extra addresses (a list, or one string separated by commas or spaces) and their language. */
export function digestInputSchema(lang: Language) {
  const t = digestText(lang);
  const addresses = z
    .array(z.unknown(), { message: t.addressListInvalid })
    .max(MAX_EXTRA_RECIPIENTS, fill(t.tooManyAddresses, { max: MAX_EXTRA_RECIPIENTS }))
    .superRefine((list, ctx) => {
      // Name the first bad address, so the coordinator knows which line to fix.
      const bad = list.find((entry) => typeof entry !== 'string' || !isEmail(normaliseEmail(entry)));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: fill(t.addressInvalid, { address: String(bad) }) });
    })
    .transform((list) => list.map((entry) => normaliseEmail(String(entry))));
  return z.object({
    extraRecipients: z.preprocess((value) => (typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : value), addresses).default([]),
    lang: z.enum(LANGUAGES, { message: t.languageInvalid }).optional(),
  });
}
