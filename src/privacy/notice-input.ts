import { z } from 'zod';
import type { Language } from '../db/schema/networks.js';
import { fill } from '../i18n/messages.js';
import { noticeEditorText } from '../i18n/privacy-notice-editor.js';

export const NOTICE_INTENTS = ['draft', 'publish', 'preview'] as const;
export type NoticeIntent = (typeof NOTICE_INTENTS)[number];

const SHORT = 300;
const LONG = 4000;

/**
 * The coordinator's parts of the notice. A draft may be incomplete; a notice
 * members will read must name the controller and a contact person they can write to.
 */
export function noticeInputSchema(lang: Language) {
  const t = noticeEditorText(lang);
  const text = (max: number) => z.string({ message: t.notText }).trim().max(max, fill(t.tooLong, { max })).default('');
  return z
    .object({
      controller: text(SHORT),
      contactName: text(SHORT),
      contactEmail: text(254).pipe(z.union([z.literal(''), z.email(t.emailInvalid)])),
      protectionOfficer: text(SHORT),
      additional: text(LONG),
      intent: z.enum(NOTICE_INTENTS, { message: t.intentInvalid }),
    })
    .superRefine((input, ctx) => {
      if (input.intent !== 'publish') return;
      if (!input.controller) ctx.addIssue({ code: 'custom', path: ['controller'], message: t.controllerRequired });
      if (!input.contactName) ctx.addIssue({ code: 'custom', path: ['contactName'], message: t.contactNameRequired });
      if (!input.contactEmail) ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: t.contactEmailRequired });
    });
}

export type NoticeInput = z.output<ReturnType<typeof noticeInputSchema>>;
