/*
 * A reader of the SQLite database file format
 * (https://www.sqlite.org/fileformat2.html): the header, b-tree pages and
 * their cells with byte offsets, table rows with where they lie, the freelist
 * and the free space inside live pages. It reads what a copied file holds.
 */
import { decodeRecord, varintNumber, type SqlValue } from './sqlite-record.js';

export type DbHeader = { pageSize: number; usableSize: number; pageCount: number; freelistTrunk: number; freelistCount: number; walMode: boolean };

export function readHeader(file: Uint8Array): DbHeader {
  const magic = new TextDecoder().decode(file.subarray(0, 16));
  if (magic !== 'SQLite format 3\0') throw new Error('not an SQLite database file');
  const view = new DataView(file.buffer, file.byteOffset, 100);
  const raw = view.getUint16(16, false);
  const pageSize = raw === 1 ? 65536 : raw;
  return {
    pageSize,
    usableSize: pageSize - view.getUint8(20),
    // The header's count is valid only when the version-valid-for number matches the change counter.
    pageCount: view.getUint32(92, false) === view.getUint32(24, false) ? view.getUint32(28, false) : Math.floor(file.length / pageSize),
    freelistTrunk: view.getUint32(32, false),
    freelistCount: view.getUint32(36, false),
    walMode: view.getUint8(18) === 2,
  };
}

/** Page images by page number (1-based); a database file, or a file with WAL frames laid over it. */
export type PageSource = { pageSize: number; usableSize: number; page: (pageNumber: number) => Uint8Array | undefined };

export function fileSource(file: Uint8Array): PageSource {
  const { pageSize, usableSize } = readHeader(file);
  return {
    pageSize,
    usableSize,
    page: (n) => (n >= 1 && n * pageSize <= file.length ? file.subarray((n - 1) * pageSize, n * pageSize) : undefined),
  };
}

export type PageKind = 'table-leaf' | 'table-interior' | 'index-leaf' | 'index-interior';
const KINDS: Record<number, PageKind> = { 13: 'table-leaf', 5: 'table-interior', 10: 'index-leaf', 2: 'index-interior' };

export type Cell = {
  /** Byte offset of the cell in its page. */
  offset: number;
  leftChild?: number;
  rowid?: bigint;
  payloadSize?: number;
  /** The part of the payload stored on this page. */
  local?: Uint8Array;
  overflowPage?: number;
};

export type BtreePage = {
  pageNumber: number;
  kind: PageKind;
  cellCount: number;
  firstFreeblock: number;
  cellContentStart: number;
  fragmentedBytes: number;
  rightChild?: number;
  /** Where the cell pointer array ends. */
  pointersEnd: number;
  cells: Cell[];
};

/** Bytes of the payload kept on the page itself; the rest goes to overflow pages. */
export function localPayloadSize(kind: PageKind, payloadSize: number, usable: number): number {
  const max = kind === 'table-leaf' ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23;
  if (payloadSize <= max) return payloadSize;
  const min = Math.floor(((usable - 12) * 32) / 255) - 23;
  const k = min + ((payloadSize - min) % (usable - 4));
  return k <= max ? k : min;
}

function readCell(image: Uint8Array, kind: PageKind, offset: number, usable: number): Cell {
  const view = new DataView(image.buffer, image.byteOffset, image.length);
  let at = offset;
  const cell: Cell = { offset };
  if (kind === 'table-interior' || kind === 'index-interior') (cell.leftChild = view.getUint32(at, false)), (at += 4);
  if (kind === 'table-interior') {
    cell.rowid = BigInt(varintNumber(image, at).value);
    return cell;
  }
  const size = varintNumber(image, at);
  cell.payloadSize = size.value;
  at += size.length;
  if (kind === 'table-leaf') {
    const rowid = varintNumber(image, at);
    cell.rowid = BigInt(rowid.value);
    at += rowid.length;
  }
  const local = localPayloadSize(kind, size.value, usable);
  cell.local = image.subarray(at, Math.min(at + local, image.length));
  if (local < size.value) cell.overflowPage = view.getUint32(at + local, false);
  return cell;
}

/** A b-tree page with its cells, or null when the image is not one (a freelist, overflow or pointer-map page). */
export function parseBtreePage(image: Uint8Array, pageNumber: number, usable: number): BtreePage | null {
  const base = pageNumber === 1 ? 100 : 0;
  const kind = KINDS[image[base] ?? -1];
  if (!kind) return null;
  const view = new DataView(image.buffer, image.byteOffset, image.length);
  const interior = kind.endsWith('interior');
  const cellCount = view.getUint16(base + 3, false);
  const pointersStart = base + (interior ? 12 : 8);
  const pointersEnd = pointersStart + 2 * cellCount;
  if (pointersEnd > usable) return null;
  const contentStart = view.getUint16(base + 5, false) || 65536;
  const cells: Cell[] = [];
  for (let i = 0; i < cellCount; i++) {
    const offset = view.getUint16(pointersStart + 2 * i, false);
    if (offset < pointersEnd || offset >= usable) return null;
    cells.push(readCell(image, kind, offset, usable));
  }
  return {
    pageNumber,
    kind,
    cellCount,
    firstFreeblock: view.getUint16(base + 1, false),
    cellContentStart: contentStart,
    fragmentedBytes: view.getUint8(base + 7),
    ...(interior ? { rightChild: view.getUint32(base + 8, false) } : {}),
    pointersEnd,
    cells,
  };
}

/** The whole payload of a cell, following its overflow chain; cut short where a page is missing. */
export function fullPayload(source: PageSource, cell: Cell): Uint8Array {
  if (!cell.local || cell.payloadSize === undefined) return new Uint8Array();
  if (!cell.overflowPage) return cell.local;
  const parts = [cell.local];
  let have = cell.local.length;
  const seen = new Set<number>();
  for (let next = cell.overflowPage; next && have < cell.payloadSize && !seen.has(next); ) {
    seen.add(next);
    const image = source.page(next);
    if (!image) break;
    const chunk = image.subarray(4, Math.min(source.usableSize, 4 + cell.payloadSize - have));
    parts.push(chunk);
    have += chunk.length;
    next = new DataView(image.buffer, image.byteOffset, 4).getUint32(0, false);
  }
  return Buffer.concat(parts);
}

/** Byte ranges of a page that hold no live cell: its freeblocks and the gap between the pointers and the cells. */
export function freeSpace(page: BtreePage, image: Uint8Array): Array<{ offset: number; length: number }> {
  const view = new DataView(image.buffer, image.byteOffset, image.length);
  const ranges = [{ offset: page.pointersEnd, length: page.cellContentStart - page.pointersEnd }];
  const seen = new Set<number>();
  for (let at = page.firstFreeblock; at !== 0 && at + 4 <= image.length && !seen.has(at); at = view.getUint16(at, false)) {
    seen.add(at);
    ranges.push({ offset: at, length: view.getUint16(at + 2, false) });
  }
  return ranges.filter((range) => range.length > 0);
}

export type TableRow = { rowid: bigint; values: SqlValue[]; pageNumber: number; cellOffset: number };

/** Every page of a b-tree, in key order of its leaves, with the page images. */
export function btreePages(source: PageSource, root: number): BtreePage[] {
  const pages: BtreePage[] = [];
  const visit = (n: number, depth: number) => {
    const image = source.page(n);
    const page = image && depth < 20 ? parseBtreePage(image, n, source.usableSize) : null;
    if (!page) return;
    pages.push(page);
    for (const cell of page.cells) if (cell.leftChild) visit(cell.leftChild, depth + 1);
    if (page.rightChild) visit(page.rightChild, depth + 1);
  };
  visit(root, 0);
  return pages;
}

/** The rows of a table b-tree in rowid order, each with the page and offset of its cell. */
export function tableRows(source: PageSource, root: number): TableRow[] {
  return btreePages(source, root)
    .filter((page) => page.kind === 'table-leaf')
    .flatMap((page) =>
      page.cells.map((cell) => ({ rowid: cell.rowid!, values: decodeRecord(fullPayload(source, cell)).values, pageNumber: page.pageNumber, cellOffset: cell.offset })),
    )
    .sort((a, b) => (a.rowid < b.rowid ? -1 : a.rowid > b.rowid ? 1 : 0));
}

export type SchemaEntry = { type: string; name: string; tableName: string; rootPage: number; sql: string | null };

/** sqlite_schema, read from page 1. */
export function readSchema(source: PageSource): SchemaEntry[] {
  return tableRows(source, 1).map(({ values: [type, name, tableName, rootPage, sql] }) => ({
    type: String(type),
    name: String(name),
    tableName: String(tableName),
    rootPage: Number(rootPage ?? 0),
    sql: sql === null || sql === undefined ? null : String(sql),
  }));
}

/** The freelist: trunk pages (each listing leaf pages) and the leaves. */
export function freelist(file: Uint8Array): { trunks: number[]; leaves: number[] } {
  const header = readHeader(file);
  const source = fileSource(file);
  const trunks: number[] = [];
  const leaves: number[] = [];
  for (let n = header.freelistTrunk; n !== 0 && !trunks.includes(n); ) {
    const image = source.page(n);
    if (!image) break;
    trunks.push(n);
    const view = new DataView(image.buffer, image.byteOffset, image.length);
    const count = Math.min(view.getUint32(4, false), (source.usableSize - 8) / 4);
    for (let i = 0; i < count; i++) leaves.push(view.getUint32(8 + 4 * i, false));
    n = view.getUint32(0, false);
  }
  return { trunks, leaves };
}
