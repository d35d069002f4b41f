import { resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { databaseFilePath } from '../src/db/client.js';
import { restoreDatabase, RestoreError } from '../src/db/restore.js';

// `npm run restore -- <backup file> [--force]`: puts a backup in place of DATABASE_URL's file, with the server stopped.
const config = loadConfig();
const target = databaseFilePath(config.databaseUrl);
if (!target) {
  console.error('npm run restore restores an embedded file database (DATABASE_URL=file:…); restore a libSQL server with its own tools.');
  process.exit(1);
}
const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((arg) => arg !== '--force');
if (files.length !== 1) {
  console.error('Usage: npm run restore -- <backup file> [--force]');
  process.exit(1);
}
try {
  await restoreDatabase(resolve(files[0]!), resolve(target), { force });
  console.log(`Restored ${resolve(files[0]!)} to ${resolve(target)}. Start the server with the same secret key as when the backup was made.`);
} catch (error) {
  console.error(error instanceof RestoreError ? error.message : `Restore failed: ${String(error)}`);
  process.exitCode = 1;
}
