import type { Language } from '../db/schema/networks.js';
import { spreadsheetCsv, type Cell } from './export-csv.js';
import { resultsText } from '../i18n/results.js';
import { exportText } from './export-text.js';
import type { Figures } from './figures.js';
import type { RoundResults } from './round-results.js';

/** n, mean and interval: the cells every export shows for a group; blank when the figures are withheld. */
export const meanCells = (f: Figures | null): Cell[] => [f?.n ?? null, f?.mean ?? null, f?.ci95?.low ?? null, f?.ci95?.high ?? null];

/** The favourable share and its Wilson interval, beside every mean an export shows. */
export const favourableCells = (f: Figures | null): Cell[] => [f?.favourable?.share ?? null, f?.favourable?.ci95.low ?? null, f?.favourable?.ci95.high ?? null];
export const favourableHeader = (t: ReturnType<typeof exportText>): string[] => [t.favourable, t.favourableLow, t.favourableHigh];

/** The band in the words the results pages use: one vocabulary on the screen and in the file. */
export const bandLabel = (f: Figures | null, lang: Language): Cell => (f?.band ? resultsText(lang)[`band_${f.band}`] : null);

/**
 * One row per rule or area and per item, in questionnaire order, each item
 * under its rule. The caller refuses a withheld round before this is reached,
 * so an empty result here means no scored items, never hidden figures.
 */
export function aggregatesCsv(results: RoundResults, scale: number[], lang: Language): string {
  const t = exportText(lang);
  const header = [t.kind, t.key, t.name, t.n, t.cannotSay, t.mean, t.sd, t.ciLow, t.ciHigh, ...favourableHeader(t), t.band, ...scale.map(String)];
  const row = (kind: string, key: string, name: string, f: Figures | null): Cell[] => {
    const counts = new Map(f?.distribution.map((d) => [d.value, d.count]));
    const spread = [f?.n ?? null, f?.cannotSay ?? null, f?.mean ?? null, f?.sd ?? null, f?.ci95?.low ?? null, f?.ci95?.high ?? null];
    return [kind, key, name, ...spread, ...favourableCells(f), bandLabel(f, lang), ...scale.map((v) => (f ? (counts.get(v) ?? 0) : null))];
  };
  const rows = results.measures.flatMap((m) => [
    row(t[`kind_${m.kind}`], m.measure, m.name[lang], m.figures),
    ...m.items.map((item) => row(t.kind_item, item.itemKey, item.title[lang], item.figures)),
  ]);
  return spreadsheetCsv(header, rows);
}
