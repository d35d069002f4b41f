import { findMeasure } from '../catalogue/measures.js';
import type { Language } from '../db/schema/networks.js';
import type { ComparedRow, RoundComparison } from './comparison.js';
import { favourableCells, favourableHeader, meanCells } from './export-aggregates.js';
import { spreadsheetCsv, type Cell } from './export-csv.js';
import { exportText } from './export-text.js';

/**
 * Per shared rule, area and item: both sides' n, mean and interval, then the
 * change with its own interval, p and verdict. Items asked in only one of the
 * two versions close the file, marked so, with no figures.
 */
export function comparisonCsv(comparison: RoundComparison, lang: Language): string {
  const t = exportText(lang);
  const side = (label: string, title: string) => [t.n, t.mean, t.ciLow, t.ciHigh, ...favourableHeader(t)].map((column) => `${label} (${title}): ${column}`);
  const header = [
    t.kind, t.key, t.name,
    ...side(t.before, comparison.before.title),
    ...side(t.after, comparison.after.title),
    t.difference, `${t.difference}: ${t.ciLow}`, `${t.difference}: ${t.ciHigh}`, t.p, t.verdict,
  ];
  const compared = (kind: string, row: ComparedRow): Cell[] => {
    const change = row.change;
    const verdict = change ? t[`verdict_${change.verdict}`] : t.verdict_not_compared;
    return [kind, row.key, row.name[lang], ...meanCells(row.before), ...favourableCells(row.before), ...meanCells(row.after), ...favourableCells(row.after), change?.difference ?? null, change?.ci95.low ?? null, change?.ci95.high ?? null, change?.p ?? null, verdict];
  };
  // Everything between the name and the verdict.
  const blank = Array<Cell>(header.length - 4).fill(null);
  const rows = [
    ...comparison.measures.map((row) => compared(t[`kind_${findMeasure(row.key)!.kind}`], row)),
    ...comparison.items.map((row) => compared(t.kind_item, row)),
    ...comparison.onlyBefore.map((item): Cell[] => [t.kind_item, item.itemKey, item.title[lang], ...blank, t.verdict_only_before]),
    ...comparison.onlyAfter.map((item): Cell[] => [t.kind_item, item.itemKey, item.title[lang], ...blank, t.verdict_only_after]),
  ];
  return spreadsheetCsv(header, rows);
}
