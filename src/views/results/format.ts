import type { Language } from '../../db/schema/networks.js';
import type { Interval } from '../../results/statistics.js';

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const TIME_ZONE = 'Europe/Helsinki';

/**
 * Numbers and dates as a reader of the page's language writes them: 3,62 and
 * 80 % in Finnish and Swedish, 3.62 and 80% in English; dates on a Helsinki wall.
 * Two decimals, so that a difference never disagrees with the two means it comes from.
 */
export function formats(lang: Language): Formats {
  let cached = cache.get(lang);
  if (!cached) cache.set(lang, (cached = build(lang)));
  return cached;
}

/** Intl formatters are slow to build and a page formats hundreds of numbers: one set per language. */
const cache = new Map<Language, Formats>();

function build(lang: Language) {
  const locale = LOCALES[lang];
  const fixed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: lang === 'en' ? 'long' : 'numeric', year: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, month: lang === 'en' ? 'short' : 'numeric', year: 'numeric' });
  const monthParts = (date: Date) => Object.fromEntries(month.formatToParts(date).map((part) => [part.type, part.value]));
  const number = (value: number) => fixed.format(value);
  return {
    number,
    signed: (value: number) => signed.format(value),
    percent: (share: number) => percent.format(share),
    /** 3,40–3,84; spaced when a bound is negative, so the dash is not read as a minus sign. */
    range: ({ low, high }: Interval) => (low < 0 || high < 0 ? `${number(low)} – ${number(high)}` : `${number(low)}–${number(high)}`),
    /** 44–71 % (44–71% in English): the sign once, after the upper bound. */
    percentRange: ({ low, high }: Interval) => `${whole.format(low * 100)}–${percent.format(high)}`,
    date: (iso: string) => day.format(new Date(iso)),
    /** "3/2026" in Finnish and Swedish, "Mar 2026" in English: short enough for a chart axis. */
    month: (iso: string) => {
      const { month: m, year } = monthParts(new Date(iso));
      return lang === 'en' ? `${m} ${year}` : `${Number(m)}/${year}`;
    },
    /** Rounds named by their month, or by their day where two of them share a month and the months would overprint. */
    roundLabels(isos: string[]): string[] {
      const months = isos.map((iso) => this.month(iso));
      return new Set(months).size === months.length ? months : isos.map((iso) => day.format(new Date(iso)));
    },
  };
}

export type Formats = ReturnType<typeof build>;
