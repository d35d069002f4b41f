import { findMeasure } from '../catalogue/measures.js';
import type { Language } from '../db/schema/networks.js';

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
/** Rounds close on the wall clock in Finland, whatever the server's zone. */
const TIME_ZONE = 'Europe/Helsinki';

/** A mean or difference with one decimal, as the results pages show it: "3,8" in Finnish and Swedish, "3.8" in English. */
export function formatMean(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A change always carries its sign, so a reader never mistakes a decline for a level. */
export function formatDifference(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

export function formatRate(rate: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** "1.2.2026" in Finnish and Swedish, "1 February 2026" in English; a plain YYYY-MM-DD day is taken as that day. */
export function formatDay(value: string, lang: Language): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  const options: Intl.DateTimeFormatOptions = { timeZone: TIME_ZONE, day: 'numeric', month: lang === 'en' ? 'long' : 'numeric', year: 'numeric' };
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', options).formatToParts(date).map((p) => [p.type, p.value]));
  return lang === 'en' ? `${Number(parts.day)} ${parts.month} ${parts.year}` : `${Number(parts.day)}.${Number(parts.month)}.${parts.year}`;
}

/** "2/2026": short enough for a chart's time axis. */
export function formatMonth(value: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, month: 'numeric', year: 'numeric' }).formatToParts(new Date(value)).map((p) => [p.type, p.value]),
  );
  return `${Number(parts.month)}/${parts.year}`;
}

/** "4. Johdon sitoutuminen": the number lets a reader find the rule in the network's own list. */
export function measureName(measure: string, lang: Language): string {
  const found = findMeasure(measure);
  return found ? `${found.number}. ${found.name[lang]}` : measure;
}

/** Splits a long axis label into lines, since Chart.js cuts a label that does not fit rather than wrapping it. */
export function wrapLabel(label: string, maxLength: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxLength) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
