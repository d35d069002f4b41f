import { existsSync } from 'node:fs';
import type { Client } from '@libsql/client';

export class BackupError extends Error {}

/**
 * A consistent copy of the live database: VACUUM INTO reads one snapshot
 * (WAL lets the server keep writing meanwhile) and writes a compact new file.
 */
export async function backupDatabase(client: Client, target: string): Promise<void> {
  if (existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name so no backup is overwritten.`);
  await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
}
