/*
 * The WAL read as history: commit by commit, oldest first, which rows of
 * which table changed and which rows appeared. A row's earlier version comes
 * from an earlier frame of its page, or from the database file where the file
 * is known to be older than the WAL; without one, nothing is claimed.
 */
import { parseBtreePage } from './sqlite-file.js';
import { decodeRecord, type SqlValue } from './sqlite-record.js';
import type { CopyView, TableInfo } from './copy-view.js';

export type SeenRow = { table: string; rowid: bigint; values: SqlValue[]; pageNumber: number; cellOffset: number };

export type CommitChanges = {
  /** Position in the history, oldest first. */
  order: number;
  current: boolean;
  /** Rows that existed before and differ now. */
  changed: SeenRow[];
  /** Rows whose page was known before and did not hold them, and that were never seen before. */
  appeared: SeenRow[];
  /** Every row of the commit's table pages. */
  all: SeenRow[];
};

function rowsOfImage(view: CopyView, pageNumber: number, image: Uint8Array): SeenRow[] | null {
  const table = view.tables.get(view.owner.get(pageNumber) ?? '');
  const page = parseBtreePage(image, pageNumber, view.live.usableSize);
  if (!table || page?.kind !== 'table-leaf') return null;
  const rows: SeenRow[] = [];
  for (const cell of page.cells) {
    let values: SqlValue[];
    try {
      values = decodeRecord(cell.local!).values;
    } catch {
      return null;
    }
    // A page reused by another table since: its records do not fit this one.
    if (values.length !== table.columns.length) return null;
    rows.push({ table: table.name, rowid: cell.rowid!, values, pageNumber, cellOffset: cell.offset });
  }
  return rows;
}

const keyOf = (row: { table: string; rowid: bigint }) => `${row.table}:${row.rowid}`;
const bytesOf = (row: SeenRow) => JSON.stringify(row.values, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));

export function walHistory(view: CopyView): CommitChanges[] {
  const known = new Map<string, string>();
  const pageRows = new Map<number, Set<bigint>>();
  const history: CommitChanges[] = [];
  let seededFromFile = false;
  const remember = (pageNumber: number, rows: SeenRow[]) => {
    for (const row of rows) known.set(keyOf(row), bytesOf(row));
    pageRows.set(pageNumber, new Set(rows.map((r) => r.rowid)));
  };
  for (const commit of view.wal?.commits ?? []) {
    if (commit.current && !seededFromFile) {
      seededFromFile = true;
      // The file is older than the current generation where the checkpointer has not reached; pages past its end are new.
      for (let n = 1; n <= view.dbPageCount; n++) {
        const image = view.copy.db.subarray((n - 1) * view.live.pageSize, n * view.live.pageSize);
        const rows = view.dbPageIsOlderThanWal(n) ? rowsOfImage(view, n, image) : null;
        if (rows) remember(n, rows);
      }
    }
    const latest = new Map(commit.frames.map((f) => [f.pageNumber, f.image]));
    const changes: CommitChanges = { order: history.length, current: commit.current, changed: [], appeared: [], all: [] };
    for (const [pageNumber, image] of latest) {
      const rows = rowsOfImage(view, pageNumber, image);
      if (!rows) continue;
      const before = pageRows.get(pageNumber) ?? (commit.current && pageNumber > view.dbPageCount ? new Set<bigint>() : undefined);
      for (const row of rows) {
        const previous = known.get(keyOf(row));
        if (previous !== undefined && previous !== bytesOf(row)) changes.changed.push(row);
        if (previous === undefined && before && !before.has(row.rowid)) changes.appeared.push(row);
      }
      changes.all.push(...rows);
      remember(pageNumber, rows);
    }
    history.push(changes);
  }
  return history;
}

/** The member a row names: the rowid of a members row, or the member_id column of any other table. */
export function memberOf(table: TableInfo | undefined, row: SeenRow): number | null {
  if (!table) return null;
  if (table.name === 'members') return Number(row.rowid);
  const at = table.columns.indexOf('member_id');
  const value = at >= 0 ? row.values[at] : null;
  return typeof value === 'number' ? value : null;
}
