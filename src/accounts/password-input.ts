import { z } from 'zod';
import type { Language } from '../db/schema/networks.js';
import { passwordText } from '../i18n/password.js';

// The hint and the refusal in passwordText say this number in words.
const MIN_LENGTH = 12;
const MAX_LENGTH = 1024;

/** A new password typed twice: setup, joining, a reset and a change all check it here, with the same messages. */
export function newPasswordSchema(lang: Language) {
  const t = passwordText(lang);
  return z
    .object({ newPassword: z.string({ message: t.short }).min(MIN_LENGTH, t.short).max(MAX_LENGTH, t.short), newPasswordAgain: z.string({ message: t.mismatch }) })
    .refine((v) => v.newPassword === v.newPasswordAgain, { path: ['newPasswordAgain'], message: t.mismatch });
}
