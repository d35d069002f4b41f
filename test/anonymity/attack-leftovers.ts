/*
 * Attack: search every byte of every copied file for what must not be there:
 * a member's answer link (whoever holds it can read the member's sealed data
 * and answer in their name), and a member named as the recipient of a
 * reminder (a reminder goes only to who has not answered yet).
 */
import { btreePages, fileSource, freeSpace, freelist, readSchema } from './sqlite-file.js';
import { parseWal } from './sqlite-wal.js';
import type { FileCopy } from './file-copies.js';

export type Finding = { what: string; file: string; where: string };

/** Where a byte offset of a database file lies: a live cell, free space of a live page, a freelist page, or elsewhere. */
function dbPlaces(db: Uint8Array): (offset: number) => string {
  const source = fileSource(db);
  const list = freelist(db);
  const pages = new Map<number, { name: string; free: Array<{ offset: number; length: number }> }>();
  for (const entry of readSchema(source)) {
    if (entry.rootPage <= 0) continue;
    for (const page of btreePages(source, entry.rootPage)) pages.set(page.pageNumber, { name: entry.name, free: freeSpace(page, source.page(page.pageNumber)!) });
  }
  return (offset) => {
    const pageNumber = Math.floor(offset / source.pageSize) + 1;
    const inPage = offset % source.pageSize;
    if (list.trunks.includes(pageNumber) || list.leaves.includes(pageNumber)) return `freelist page ${pageNumber}`;
    const page = pages.get(pageNumber);
    if (!page) return `page ${pageNumber} (overflow or unused)`;
    const free = page.free.some((r) => inPage >= r.offset && inPage < r.offset + r.length);
    return `${free ? 'free space' : 'live cell'} of ${page.name} page ${pageNumber}`;
  };
}

function walPlaces(walBytes: Uint8Array): (offset: number) => string {
  const wal = parseWal(walBytes);
  return (offset) => {
    if (!wal) return `byte ${offset}`;
    const frame = wal.frames[Math.floor((offset - 32) / (24 + wal.header.pageSize))];
  return frame ? `${frame.current ? 'current' : 'older, left-over'} frame ${frame.index} (page ${frame.pageNumber})` : `byte ${offset}`;
  };
}

function occurrences(haystack: Buffer, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle, 0, 'latin1'); at >= 0; at = haystack.indexOf(needle, at + 1, 'latin1')) found.push(at);
  return found;
}

/** A mail row's kind comes just before its recipient and the subject just after, with no byte between. */
const REMINDER_BEFORE = 'reminder';
const REMINDER_AFTER = /^(Muistutus|Påminnelse|Reminder)/;

export function searchLeftovers(copy: FileCopy, tokens: string[], emails: string[]): Finding[] {
  const findings: Finding[] = [];
  const files = [['db', copy.db], ['wal', copy.wal], ['shm', copy.shm]] as const;
  for (const [file, bytes] of files) {
    if (!bytes) continue;
    const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const where = file === 'db' ? dbPlaces(bytes) : file === 'wal' ? walPlaces(bytes) : (offset: number) => `byte ${offset}`;
    for (const token of tokens) for (const at of occurrences(haystack, token)) findings.push({ what: `link ${token}`, file, where: where(at) });
    for (const email of emails) {
      for (const at of occurrences(haystack, email)) {
        const before = haystack.subarray(Math.max(0, at - REMINDER_BEFORE.length), at).toString('latin1');
        const after = haystack.subarray(at + email.length, at + email.length + 12).toString('utf8');
        if (before === REMINDER_BEFORE || REMINDER_AFTER.test(after)) findings.push({ what: `reminded ${email}`, file, where: where(at) });
      }
    }
  }
  return findings;
}
