import type { Language } from '../db/schema/networks.js';

/** Members are in Finland: a closing time is shown as the clock on their wall, whatever the server's zone. */
const TIME_ZONE = 'Europe/Helsinki';

function parts(date: Date, locale: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const formatter = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hourCycle: 'h23', ...options });
  return Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
}

/**
 * "12.3.2026 klo 9.00", "12.3.2026 kl. 9.00" (Finland-Swedish usage) or
 * "12 March 2026 at 09:00". Built from parts so that a different ICU version
 * cannot change the punctuation inside a sentence.
 */
export function formatDateTime(date: Date, lang: Language): string {
  const numeric = parts(date, 'en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const day = Number(numeric.day);
  const month = Number(numeric.month);
  const hour = Number(numeric.hour);
  const { year, minute } = numeric;
  switch (lang) {
    case 'fi':
      return `${day}.${month}.${year} klo ${hour}.${minute}`;
    case 'sv':
      return `${day}.${month}.${year} kl. ${hour}.${minute}`;
    case 'en':
      return `${day} ${parts(date, 'en-GB', { month: 'long' }).month} ${year} at ${String(hour).padStart(2, '0')}:${minute}`;
  }
}
