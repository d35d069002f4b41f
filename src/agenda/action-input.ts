import { z } from 'zod';
import { findMeasure } from '../catalogue/measures.js';
import { ACTION_STATUSES } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { agendaText } from '../i18n/agenda.js';

/** Absent: an edit leaves the stored value; empty: it is cleared. */
const keptUnlessSent = <T,>(value: T | '' | null | undefined) => (value === undefined ? undefined : value || null);

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
    // Set when the action is adopted from the members' choosing round: which round, and which of its choices.
    chosenInRoundId: z.union([z.literal(''), z.null(), z.coerce.number().int().positive()], { message: t.roundInvalid }).optional().transform(keptUnlessSent),
    choiceValue: z.string().max(100).optional().transform(keptUnlessSent),
  });
}
