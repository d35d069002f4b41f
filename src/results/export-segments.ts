import type { CatalogueItem } from '../catalogue/types.js';
import { disclosableGroups } from './segments.js';

export type StoredSegments = Record<string, string>;

/**
 * Which background answer each raw row may show, as one cell per segment
 * question (null = blank).
 *
 * Per question, exactly the groups the segment results show are kept (values
 * with at least k responses, and no remainder below k), so subtracting the rows
 * of the file from those results isolates no one. Rows also show the questions
 * side by side, which the results never do: if some combination (e.g.
 * vocational × principal) holds fewer than k rows, the finest question is
 * blanked whole until every combination holds none or at least k. Blanking
 * whole questions, never single rows, keeps the first guarantee.
 */
export function segmentCells(questions: CatalogueItem[], rows: StoredSegments[], k: number): Array<Array<string | null>> {
  const shownPerQuestion = questions.map((q) => {
    const sizes = new Map<string, number>();
    for (const row of rows) {
      const value = row[q.segment!];
      if (value !== undefined) sizes.set(value, (sizes.get(value) ?? 0) + 1);
    }
    return new Set(disclosableGroups(sizes, rows.length, k)?.shown ?? []);
  });
  const cells = rows.map((row) =>
    questions.map((q, i) => {
      const value = row[q.segment!];
      return value !== undefined && shownPerQuestion[i]!.has(value) ? value : null;
    }),
  );
  const kept = questions.map((_, i) => i).filter((i) => shownPerQuestion[i]!.size > 0);
  while (kept.length > 1 && hasSmallCombination(cells, kept, k)) {
    const finest = kept.reduce((a, b) => (shownPerQuestion[b]!.size >= shownPerQuestion[a]!.size ? b : a));
    kept.splice(kept.indexOf(finest), 1);
  }
  return cells.map((row) => row.map((cell, i) => (kept.includes(i) ? cell : null)));
}

function hasSmallCombination(cells: Array<Array<string | null>>, columns: number[], k: number): boolean {
  const sizes = new Map<string, number>();
  for (const row of cells) {
    const key = JSON.stringify(columns.map((i) => row[i]));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()].some((n) => n < k);
}
