import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';
import { expandConfig } from '@libsql/core/config';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.js';
import { createStatementKeeper } from './kept-statements.js';
import { serialiseWrites } from './write-lock.js';

export type Db = LibSQLDatabase<typeof schema>;
/** A drizzle transaction over the same schema as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Storage functions take either, so the caller decides what else shares the transaction. */
export type DbOrTx = Db | Tx;
export type Database = { db: Db; client: Client; close: () => void };

/*
 * SQLite settings, applied to every connection the pool opens (a PRAGMA sent
 * with execute() reaches only one pooled connection):
 * - journal_mode=WAL: readers never block the writer; stored in the file.
 * - synchronous=NORMAL: in WAL mode a commit is in the WAL before it is
 *   acknowledged, so a crash of this process loses nothing acknowledged; on
 *   power loss the last few commits may be lost, but the file never corrupts.
 * - foreign_keys=ON: SQLite leaves them off unless asked, per connection.
 * - busy_timeout: a writer waits for another connection's write instead of
 *   failing at once with SQLITE_BUSY.
 */
export const CONNECTION_PRAGMAS = ['PRAGMA foreign_keys = ON', 'PRAGMA synchronous = NORMAL', 'PRAGMA busy_timeout = 5000'];
const BUSY_TIMEOUT_MS = 5000;

type LibsqlConnection = ReturnType<ConnectionPool['acquireSync']>;

/** A pool that configures each connection once, when it is opened. */
class ConfiguredPool extends ConnectionPool {
  readonly #configured = new WeakSet<LibsqlConnection>();
  readonly #keepStatements = createStatementKeeper();

  override acquireSync(forTransaction = false): LibsqlConnection {
    const connection = super.acquireSync(forTransaction);
    if (!this.#configured.has(connection)) {
      for (const pragma of CONNECTION_PRAGMAS) connection.exec(pragma);
      this.#keepStatements(connection);
      this.#configured.add(connection);
    }
    return connection;
  }
}

function createFileClient(url: string): Client {
  const config = expandConfig({ url, intMode: 'number', timeout: BUSY_TIMEOUT_MS }, true);
  const inMemory = config.path === ':memory:' || config.path === '';
  if (!inMemory) mkdirSync(dirname(config.path), { recursive: true });
  const path = inMemory ? `${config.scheme}:${config.path}` : config.path;
  // An in-memory database lives on one connection only.
  const pool = new ConfiguredPool(path, { timeout: BUSY_TIMEOUT_MS }, inMemory ? 1 : Math.max(1, config.concurrency));
  pool.release(pool.acquireSync()); // fail fast if the file cannot be opened
  return new Sqlite3Client(pool, config.intMode);
}

/** The file of an embedded database (a `file:` URL); undefined for :memory: and for a libSQL server. */
export function databaseFilePath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const { path } = expandConfig({ url }, true);
  return path === ':memory:' || path === '' ? undefined : path;
}

export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const isLocal = url.startsWith('file:') || url === ':memory:';
  const client = isLocal ? serialiseWrites(createFileClient(url)) : createClient({ url, authToken, intMode: 'number' });
  if (isLocal && url !== ':memory:') await client.execute('PRAGMA journal_mode = WAL');
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.close() };
}
