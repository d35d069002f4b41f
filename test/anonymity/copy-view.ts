/*
 * What an attacker assembles from one copy before attacking it: the schema and
 * columns of each table (by name, so a column that no longer exists is simply
 * absent), which page belongs to which table, the WAL, and the live rows.
 */
import { btreePages, fileSource, readHeader, readSchema, tableRows, type PageSource, type TableRow } from './sqlite-file.js';
import { parseWal, walIndex, withWal, type Wal } from './sqlite-wal.js';
import { columnsOf, openWithSql, tablesOf, type FileCopy } from './file-copies.js';
import type { Client } from '@libsql/client';

export type TableInfo = { name: string; rootPage: number; columns: string[] };

export type CopyView = {
  copy: FileCopy;
  sql: Client;
  live: PageSource;
  wal: Wal | null;
  tables: Map<string, TableInfo>;
  /** Table (or index) that owns each page of the live b-trees. */
  owner: Map<number, string>;
  /** Pages of the database file that the checkpointer has not overwritten since the current WAL began. */
  dbPageIsOlderThanWal: (pageNumber: number) => boolean;
  dbPageCount: number;
  /** Tables that hold answers: a column named "answers". */
  answerTables: TableInfo[];
  liveRows: (table: TableInfo) => TableRow[];
};

export async function viewCopy(copy: FileCopy): Promise<CopyView> {
  const wal = copy.wal ? parseWal(copy.wal) : null;
  const file = fileSource(copy.db);
  const live = withWal(file, wal);
  const sql = openWithSql(copy);
  const tables = new Map<string, TableInfo>();
  const schema = readSchema(live);
  for (const name of await tablesOf(sql)) {
    const entry = schema.find((e) => e.type === 'table' && e.name === name);
    if (entry) tables.set(name, { name, rootPage: entry.rootPage, columns: await columnsOf(sql, name) });
  }
  const owner = new Map<number, string>();
  for (const entry of schema) if (entry.rootPage > 0) for (const page of btreePages(live, entry.rootPage)) owner.set(page.pageNumber, entry.tableName);
  // Frames up to nBackfill are copied into the file; a page none of them touched is as it was when the WAL began.
  const backfilled = copy.shm ? walIndex(copy.shm)?.backfilled : undefined;
  const touched = new Set(wal?.frames.filter((f) => f.current && backfilled !== undefined && f.index < backfilled).map((f) => f.pageNumber));
  return {
    copy,
    sql,
    live,
    wal,
    tables,
    owner,
    dbPageIsOlderThanWal: (n) => backfilled !== undefined && !touched.has(n),
    dbPageCount: readHeader(copy.db).pageCount,
    answerTables: [...tables.values()].filter((t) => t.columns.includes('answers')),
    liveRows: (table) => tableRows(live, table.rootPage),
  };
}

/** Every string a record carries, joined: what the scorer searches for a response's hidden mark. */
export function textOf(values: unknown[]): string {
  return values.filter((v): v is string => typeof v === 'string').join('\u0000');
}
