import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { btreePages, fileSource, freeSpace, freelist, parseBtreePage, readHeader, readSchema, tableRows } from './sqlite-file.js';
import { decodeRecord, readVarint } from './sqlite-record.js';
import { parseWal, walIndex, withWal } from './sqlite-wal.js';

let dir: string | undefined;
let client: Client | undefined;
afterEach(() => {
  client?.close();
  client = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function database(...statements: string[]): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'vp-sqlite-file-'));
  const path = join(dir, 'made.db');
  client = createClient({ url: `file:${path}` });
  for (const sql of statements) await client.execute(sql);
  return path;
}

/** The files as they lie while the connection is still open, as a crash would leave them. */
function copied(path: string): { db: Uint8Array; wal: Uint8Array | null; shm: Uint8Array | null } {
  const read = (p: string) => (existsSync(p) ? new Uint8Array(readFileSync(p)) : null);
  copyFileSync(path, `${path}.copy`);
  return { db: read(`${path}.copy`)!, wal: read(`${path}-wal`), shm: read(`${path}-shm`) };
}

const rootOf = (source: ReturnType<typeof fileSource>, name: string) => readSchema(source).find((entry) => entry.name === name)!.rootPage;

describe('the SQLite file reader', () => {
  it('reads varints of every length and records of every serial type', () => {
    expect(readVarint(Uint8Array.of(0x7f), 0)).toEqual({ value: 127n, length: 1 });
    expect(readVarint(Uint8Array.of(0x81, 0x00), 0)).toEqual({ value: 128n, length: 2 });
    expect(readVarint(new Uint8Array(9).fill(0xff), 0)).toEqual({ value: 2n ** 64n - 1n, length: 9 });
    // header 7 bytes: NULL, int8, int16, float, zero, text "hi"
    const record = Uint8Array.of(7, 0, 1, 2, 7, 8, 17, 0xfe, 0x01, 0x00, ...new Uint8Array(new Float64Array([1.5]).buffer).reverse(), 0x68, 0x69);
    expect(decodeRecord(record)).toEqual({ values: [null, -2, 256, 1.5, 0, 'hi'], complete: true });
    expect(decodeRecord(record.subarray(0, 12)).complete).toBe(false);
  });

  it('walks a table across interior pages and overflow pages, with each cell where it lies', async () => {
    const path = await database(
      'CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT, amount REAL, blob BLOB)',
      "INSERT INTO t SELECT value, 'row ' || value, value / 2.0, randomblob(value % 7) FROM generate_series(1, 400)",
      "INSERT INTO t VALUES (1000, replace(hex(zeroblob(6000)), '00', 'ab'), -1, NULL)",
      'CREATE INDEX t_label ON t (label)',
    );
    client!.close(), (client = undefined);
    const file = new Uint8Array(readFileSync(path));
    const header = readHeader(file);
    expect(header).toMatchObject({ pageSize: 4096, usableSize: 4096, pageCount: file.length / 4096 });
    const source = fileSource(file);
    const rows = tableRows(source, rootOf(source, 't'));
    expect(rows).toHaveLength(401);
    expect(rows[41]!.values.slice(0, 3)).toEqual([null, 'row 42', 21]); // the rowid alias is stored as NULL
    expect(rows.at(-1)!.values[1]).toBe('ab'.repeat(6000));
    const pages = btreePages(source, rootOf(source, 't'));
    expect(new Set(pages.map((p) => p.kind))).toEqual(new Set(['table-interior', 'table-leaf']));
    const indexPages = btreePages(source, rootOf(source, 't_label'));
    expect(indexPages.some((p) => p.kind === 'index-interior') && indexPages.some((p) => p.kind === 'index-leaf')).toBe(true);
    const first = rows[0]!;
    const image = source.page(first.pageNumber)!;
    // The cell begins with its payload size and rowid.
    expect(readVarint(image, first.cellOffset + 1).value).toBe(1n);
  });

  it('finds deleted rows in freeblocks and freelist pages, and lists the freelist', async () => {
    const path = await database(
      'PRAGMA secure_delete = OFF',
      'CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT)',
      "INSERT INTO t SELECT value, 'secret-' || value || '-' || hex(zeroblob(40)) FROM generate_series(1, 600)",
      'DELETE FROM t WHERE id = 3',
      'DELETE FROM t WHERE id > 200',
    );
    client!.close(), (client = undefined);
    const file = new Uint8Array(readFileSync(path));
    const source = fileSource(file);
    const list = freelist(file);
    expect(list.trunks.length).toBeGreaterThan(0);
    expect(list.trunks.length + list.leaves.length).toBe(readHeader(file).freelistCount);
    const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
    expect(list.leaves.some((n) => text(source.page(n)!).includes('secret-555-'))).toBe(true);
    const live = btreePages(source, rootOf(source, 't')).filter((p) => p.kind === 'table-leaf');
    const freed = live.flatMap((page) => freeSpace(page, source.page(page.pageNumber)!).map((r) => text(source.page(page.pageNumber)!.subarray(r.offset, r.offset + r.length))));
    expect(freed.some((bytes) => bytes.includes('secret-3-'))).toBe(true);
    expect(tableRows(source, rootOf(source, 't')).map((r) => r.rowid)).not.toContain(3n);
  });

  it('splits a WAL into commits, tells current frames from leftovers of an older generation, and reads through it', async () => {
    const path = await database(
      'PRAGMA journal_mode = WAL',
      'PRAGMA wal_autocheckpoint = 0',
      'CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT)',
      "INSERT INTO t SELECT value, 'old-' || value || hex(zeroblob(100)) FROM generate_series(1, 300)",
      'PRAGMA wal_checkpoint(PASSIVE)',
    );
    const checkpointed = copied(path);
    expect(walIndex(checkpointed.shm!)).toMatchObject({ backfilled: walIndex(checkpointed.shm!)!.maxFrame });
    // After a full checkpoint the next writer starts the WAL over with new salts; the rest stays as it was.
    await client!.execute("INSERT INTO t VALUES (1001, 'first new')");
    await client!.execute("UPDATE t SET label = 'second new' WHERE id = 2");
    const { db, wal: walBytes } = copied(path);
    const wal = parseWal(walBytes!)!;
    expect(wal.header.pageSize).toBe(4096);
    const current = wal.commits.filter((c) => c.current);
    expect(current).toHaveLength(2);
    expect(current.every((c) => c.complete && c.frames.at(-1)!.commitSize > 0)).toBe(true);
    const leftovers = wal.frames.filter((f) => !f.current);
    expect(leftovers.length).toBeGreaterThan(0);
    expect(leftovers.every((f) => f.salt1 !== wal.header.salt1)).toBe(true);
    expect(wal.commits.findIndex((c) => c.current)).toBe(wal.commits.length - 2);

    const live = withWal(fileSource(db), wal);
    const labels = new Map(tableRows(live, rootOf(live, 't')).map((r) => [r.rowid, r.values[1]]));
    expect(labels.get(1001n)).toBe('first new');
    expect(labels.get(2n)).toBe('second new');
    const fileOnly = fileSource(db);
    expect(tableRows(fileOnly, rootOf(fileOnly, 't')).map((r) => r.rowid)).not.toContain(1001n);
    const page = current[0]!.frames.map((f) => parseBtreePage(f.image, f.pageNumber, 4096)).find((p) => p?.cells.some((c) => c.rowid === 1001n));
    expect(page?.kind).toBe('table-leaf');
  });
});
