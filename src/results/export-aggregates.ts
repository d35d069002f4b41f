import type { Language } from '../db/schema/networks.js';
import { spreadsheetCsv, type Cell } from './export-csv.js';
import { exportText, type ExportText } from './export-text.js';
import type { Figures } from './figures.js';
import type { RoundResults } from './round-results.js';

/** n, mean and interval: the cells every export shows for a group; blank when the figures are withheld. */
export const meanCells = (f: Figures | null): Cell[] => [f?.n ?? null, f?.mean ?? null, f?.ci95?.low ?? null, f?.ci95?.high ?? null];

export const bandLabel = (f: Figures | null, t: ExportText): Cell => (f?.band ? t[`band_${f.band}`] : null);

/**
 * One row per rule or area and per item, in questionnaire order, each item
 * under its rule. The caller refuses a withheld round before this is reached,
 * so an empty result here means no scored items, never hidden figures.
 */
export function aggregatesCsv(results: RoundResults, scale: number[], lang: Language): string {
  const t = exportText(lang);
  const header = [t.kind, t.key, t.name, t.n, t.cannotSay, t.mean, t.sd, t.ciLow, t.ciHigh, t.band, ...scale.map(String)];
  const row = (kind: string, key: string, name: string, f: Figures | null): Cell[] => {
    const counts = new Map(f?.distribution.map((d) => [d.value, d.count]));
    const spread = [f?.n ?? null, f?.cannotSay ?? null, f?.mean ?? null, f?.sd ?? null, f?.ci95?.low ?? null, f?.ci95?.high ?? null];
    return [kind, key, name, ...spread, bandLabel(f, t), ...scale.map((v) => (f ? (counts.get(v) ?? 0) : null))];
  };
  const rows = results.measures.flatMap((m) => [
    row(t[`kind_${m.kind}`], m.measure, m.name[lang], m.figures),
    ...m.items.map((item) => row(t.kind_item, item.itemKey, item.title[lang], item.figures)),
  ]);
  return spreadsheetCsv(header, rows);
}
