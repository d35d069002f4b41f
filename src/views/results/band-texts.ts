import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { BandLimits } from '../../results/figures.js';
import { formats } from './format.js';

/** The network's bands on the favourable share, in words. */
export function favourableBandsText(limits: BandLimits, lang: Language): string {
  const f = formats(lang);
  return fill(resultsText(lang).bandsOnFavourable, { strength: f.percent(limits.favourable.strength), concern: f.percent(limits.favourable.concern) });
}
