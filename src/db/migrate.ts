import { migrate } from 'drizzle-orm/libsql/migrator';
import { appPath } from '../app-root.js';
import type { Db } from './client.js';

export const MIGRATIONS_FOLDER = appPath('migrations');

export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
