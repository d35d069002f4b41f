import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { backupDatabase } from '../src/db/backup.js';
import { openDatabase } from '../src/db/client.js';
import { assertBackupApartFromKey } from '../src/setup/key-placement.js';

// `npm run backup [-- file]`: copies the configured database while the server keeps running.
// The copy is the database alone: the secret key is never in it, and never copied beside it.
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? join(config.backupDir, `verkostopulssi-${stamp}.db`));
try {
  assertBackupApartFromKey(target, config);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
try {
  await backupDatabase(database, target);
  console.log(`Backup written to ${target}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  database.close();
}
