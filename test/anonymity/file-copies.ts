import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';

/** The files an attacker copied: the database, and its WAL and shared-memory index when they exist. */
export type FileCopy = { name: string; dir: string; db: Uint8Array; wal: Uint8Array | null; shm: Uint8Array | null };

const SUFFIXES = ['', '-wal', '-shm'] as const;

/** Copies the files byte for byte while they are in use, as `cp` would during a crash or a careless backup. */
export function copyFiles(dbPath: string, targetDir: string, name: string): FileCopy {
  mkdirSync(targetDir, { recursive: true });
  const read = (suffix: string) => {
    if (!existsSync(dbPath + suffix)) return null;
    copyFileSync(dbPath + suffix, join(targetDir, `copy.db${suffix}`));
    return new Uint8Array(readFileSync(join(targetDir, `copy.db${suffix}`)));
  };
  const [db, wal, shm] = SUFFIXES.map(read);
  return { name, dir: targetDir, db: db!, wal: wal ?? null, shm: shm ?? null };
}

/**
 * The copy opened with SQL, as an attacker would, on a duplicate: opening
 * replays and checkpoints the WAL, which must not change the bytes attacked.
 */
export function openWithSql(copy: FileCopy): Client {
  const dir = join(copy.dir, 'sql');
  mkdirSync(dir, { recursive: true });
  for (const [suffix, bytes] of [['', copy.db], ['-wal', copy.wal]] as const) {
    if (bytes) copyFileSync(join(copy.dir, `copy.db${suffix}`), join(dir, `copy.db${suffix}`));
  }
  return createClient({ url: `file:${join(dir, 'copy.db')}` });
}

/** Columns of a table by name, so an attack asks only for what exists. */
export async function columnsOf(client: Client, table: string): Promise<string[]> {
  return (await client.execute(`PRAGMA table_info("${table}")`)).rows.map((row) => String(row.name));
}

export async function tablesOf(client: Client): Promise<string[]> {
  return (await client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).rows.map((row) => String(row.name));
}
