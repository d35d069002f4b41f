import { z } from 'zod';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { privacyText } from '../i18n/privacy.js';

export function accessRequestSchema(lang: Language) {
  const t = privacyText(lang);
  return z.object({
    email: z.string({ message: t.emailInvalid }).trim().toLowerCase().pipe(z.email(t.emailInvalid).max(254, t.emailInvalid)),
    language: z.enum(LANGUAGES, { message: t.languageInvalid }),
  });
}

/** "tiedot-aino-koulu.example.txt": the address in the name, with nothing a file system or a header would choke on. */
export function accessFileName(prefix: string, email: string): string {
  return `${prefix}-${email.replace(/[^a-z0-9.-]+/gi, '-')}.txt`;
}
