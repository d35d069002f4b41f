/*
 * Attack: the order in which responses lie follows the order of answering.
 * Two orders are read: the live rows by (page, cell offset) — SQLite fills a
 * page from its end, so a higher offset is an earlier cell — and the first
 * commit of the WAL in which each response appears.
 */
import type { CopyView } from './copy-view.js';
import { textOf } from './copy-view.js';
import { walHistory } from './wal-history.js';

/** Response texts in the order the attacker reads them. */
export function storageOrder(view: CopyView): string[] {
  return view.answerTables
    .flatMap((table) => view.liveRows(table))
    .sort((a, b) => a.pageNumber - b.pageNumber || b.cellOffset - a.cellOffset)
    .map((row) => textOf(row.values));
}

export function walAppearanceOrder(view: CopyView): string[] {
  const answerTables = new Set(view.answerTables.map((t) => t.name));
  const first = new Map<string, { order: number; offset: number; text: string }>();
  for (const commit of walHistory(view)) {
    for (const row of commit.all) {
      const key = `${row.table}:${row.rowid}`;
      if (answerTables.has(row.table) && !first.has(key)) first.set(key, { order: commit.order, offset: row.cellOffset, text: textOf(row.values) });
    }
  }
  return [...first.values()].sort((a, b) => a.order - b.order || b.offset - a.offset).map((r) => r.text);
}
