import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './client.js';

export class BackupError extends Error {}

/**
 * A consistent copy of the live database: VACUUM INTO reads one snapshot
 * (WAL lets the server keep writing meanwhile) and writes a compact new file.
 * Only an embedded database has a file here to copy; a libSQL server is
 * backed up with the server's own tooling.
 */
export async function backupDatabase(database: Pick<Database, 'client' | 'kind'>, target: string): Promise<void> {
  if (database.kind !== 'embedded') throw new BackupError('The database is on a libSQL server: back it up with the server’s own tools (see "Database layer" in README.md).');
  if (existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name so no backup is overwritten.`);
  mkdirSync(dirname(target), { recursive: true });
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [target] });
}
