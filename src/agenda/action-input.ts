import { z } from 'zod';
import { findMeasure } from '../catalogue/measures.js';
import { ACTION_STATUSES } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { agendaText } from '../i18n/agenda.js';

export function actionSchema(lang: Language) {
  const t = agendaText(lang);
  return z.object({
    roundId: z.coerce.number({ message: t.roundInvalid }).int(t.roundInvalid).positive(t.roundInvalid),
    measure: z.string({ message: t.measureInvalid }).refine((m) => findMeasure(m) !== undefined, t.measureInvalid),
    description: z.string({ message: t.descriptionRequired }).trim().min(1, t.descriptionRequired).max(2000, t.descriptionRequired),
    owner: z.string().trim().max(200, t.ownerTooLong).default(''),
    dueOn: z
      .union([z.literal(''), z.null(), z.iso.date(t.dueInvalid)], { message: t.dueInvalid })
      .optional()
      .transform((v) => v || null),
    status: z.enum(ACTION_STATUSES, { message: t.statusInvalid }).default('planned'),
  });
}
