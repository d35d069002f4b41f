import { z } from 'zod';
import type { Language } from '../db/schema/networks.js';
import { MAX_LISTED_IDS } from '../http/ids.js';
import { fill } from '../i18n/messages.js';
import { reportText } from '../i18n/reports.js';
import { helsinkiDay } from '../rounds/helsinki-time.js';

const TWO_YEARS_MS = 2 * 366 * 86_400_000;

export function reportLinkSchema(lang: Language, now: Date) {
  const t = reportText(lang);
  // Days are Helsinki days: "valid through today" made late in the evening must not be expired already.
  const today = helsinkiDay(now);
  const latest = helsinkiDay(new Date(now.getTime() + TWO_YEARS_MS));
  return z.object({
    label: z.string().trim().max(200, t.labelTooLong).default(''),
    expiresOn: z.iso.date(t.expiryInvalid).refine((day) => day >= today && day <= latest, t.expiryInvalid),
    roundIds: z
      .union([z.array(z.coerce.number().int().positive()), z.coerce.number().int().positive(), z.null()], { message: t.roundsInvalid })
      .optional()
      .transform((v) => (v === undefined || v === null ? null : [v].flat()))
      .transform((v) => (v && v.length > 0 ? v : null))
      .refine((v) => (v?.length ?? 0) <= MAX_LISTED_IDS, fill(t.tooManyRounds, { max: MAX_LISTED_IDS })),
  });
}
