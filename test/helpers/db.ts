import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';

export type TestDatabase = Database & { url: string; dir: string; dispose: () => void };

/** A fresh file database through the real migrations (":memory:" would lose data across transactions). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'vp-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await openDatabase(url);
  await applyMigrations(database.db);
  return {
    ...database,
    url,
    dir,
    dispose: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database file and its write-ahead log as one string of bytes: what a reader of the disk has. */
export function databaseFileBytes(database: Pick<TestDatabase, 'url'>): string {
  const path = database.url.replace(/^file:/, '');
  return [path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('latin1')).join('');
}
