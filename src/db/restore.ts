import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from './migrate.js';

export class RestoreError extends Error {}

const MIGRATIONS_TABLE = '__drizzle_migrations';
const sideFiles = (path: string) => [`${path}-wal`, `${path}-shm`, `${path}-journal`];

/**
 * Whether another process has the database open. A server keeps its
 * connections open, and in WAL mode each holds a shared lock on the file;
 * the exclusive lock asked for here is refused while any is held. Locks end
 * with their process, so a server that crashed does not count as running.
 */
async function isInUse(path: string): Promise<boolean> {
  const client = createClient({ url: `file:${path}` });
  try {
    // One call, so that all three run on one connection.
    await client.executeMultiple('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; ROLLBACK;');
    return false;
  } catch (error) {
    if (String(error).includes('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    client.close();
  }
}

/** The copy must be whole and a database of this product made by this version of the code or an earlier one. */
async function verifyCopy(path: string): Promise<void> {
  const client = createClient({ url: `file:${path}` });
  try {
    const check = await client.execute('PRAGMA integrity_check').catch((error: unknown) => {
      throw new RestoreError(`The backup is not a readable database (${String(error).replace(/^\w*Error: /, '')}).`);
    });
    const verdict = check.rows.map((row) => String(row[0]));
    if (verdict.join() !== 'ok') throw new RestoreError(`The backup is damaged: PRAGMA integrity_check says ${verdict.slice(0, 3).join('; ')}.`);
    const table = await client.execute({ sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", args: [MIGRATIONS_TABLE] });
    if (table.rows.length === 0) throw new RestoreError('The backup is not a Verkostopulssi database: it has no record of migrations.');
    const applied = await client.execute(`SELECT hash, created_at FROM ${MIGRATIONS_TABLE}`);
    const known = new Set(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => `${m.hash} ${m.folderMillis}`));
    const unknown = applied.rows.filter((row) => !known.has(`${String(row.hash)} ${Number(row.created_at)}`));
    if (unknown.length > 0) {
      throw new RestoreError(`The backup was made by a newer version of Verkostopulssi (${unknown.length} migration(s) this version does not have). Upgrade first, then restore.`);
    }
  } finally {
    client.close();
  }
}

/**
 * Puts a backup (from `npm run backup`) in place of the database file. The
 * copy is verified beside the target first, so a bad backup leaves the
 * database as it was; an existing database is replaced only with `force`, and
 * never while a server has it open. The old log files go with the old
 * database: left beside the restored one they would be replayed into it.
 */
export async function restoreDatabase(source: string, target: string, { force = false }: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(source)) throw new RestoreError(`There is no backup file at ${source}.`);
  const exists = existsSync(target);
  if (exists && (await isInUse(target))) throw new RestoreError(`${target} is in use: a running server has it open. Stop the server, then restore.`);
  if (exists && !force) throw new RestoreError(`${target} already exists. To replace it with the backup, stop the server and run the restore again with --force.`);
  mkdirSync(dirname(target), { recursive: true });
  const staged = `${target}.restoring`;
  copyFileSync(source, staged);
  try {
    await verifyCopy(staged);
    for (const file of sideFiles(staged)) rmSync(file, { force: true });
    for (const file of sideFiles(target)) rmSync(file, { force: true });
    renameSync(staged, target);
  } finally {
    rmSync(staged, { force: true });
    for (const file of sideFiles(staged)) rmSync(file, { force: true });
  }
}
