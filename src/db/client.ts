import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';
import { expandConfig } from '@libsql/core/config';
import { sql } from 'drizzle-orm';
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

/** Gives the write-ahead log's pages back to the database file and empties the log file. */
const CHECKPOINT = 'PRAGMA wal_checkpoint(TRUNCATE)';

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
 * - secure_delete=ON: deleted rows (delivered mail, responses once unsealed)
 *   are overwritten with zeros, in their pages and in freed pages, so a copy
 *   of the file cannot recover them from free space.
 * - journal_size_limit: a log that was emptied by a checkpoint is cut back to
 *   this size, so old frames do not linger at its end.
 */
export const CONNECTION_PRAGMAS = [
  'PRAGMA foreign_keys = ON',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA secure_delete = ON',
  'PRAGMA journal_size_limit = 1048576',
];
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

function createFileClient(url: string): { client: Client; close: () => void } {
  const config = expandConfig({ url, intMode: 'number', timeout: BUSY_TIMEOUT_MS }, true);
  const inMemory = config.path === ':memory:' || config.path === '';
  if (!inMemory) mkdirSync(dirname(config.path), { recursive: true });
  const path = inMemory ? `${config.scheme}:${config.path}` : config.path;
  // An in-memory database lives on one connection only.
  const pool = new ConfiguredPool(path, { timeout: BUSY_TIMEOUT_MS }, inMemory ? 1 : Math.max(1, config.concurrency));
  pool.release(pool.acquireSync()); // fail fast if the file cannot be opened
  const client = new Sqlite3Client(pool, config.intMode);
  const close = () => {
    // On a clean stop the log is emptied first: a stopped server leaves its history in no -wal file.
    if (!inMemory && !client.closed) {
      const connection = pool.acquireSync();
      try {
        connection.exec(CHECKPOINT);
      } finally {
        pool.release(connection);
      }
    }
    client.close();
  };
  return { client, close };
}

/** The file of an embedded database (a `file:` URL); undefined for :memory: and for a libSQL server. */
export function databaseFilePath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const { path } = expandConfig({ url }, true);
  return path === ':memory:' || path === '' ? undefined : path;
}

export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const isLocal = url.startsWith('file:') || url === ':memory:';
  const local = isLocal ? createFileClient(url) : null;
  const client = local ? serialiseWrites(local.client) : createClient({ url, authToken, intMode: 'number' });
  if (isLocal && url !== ':memory:') await client.execute('PRAGMA journal_mode = WAL');
  const db = drizzle(client, { schema });
  localDatabases.add(db);
  return { db, client, close: local?.close ?? (() => client.close()) };
}

// A libSQL server keeps its own log; only an embedded file is checkpointed from here.
const localDatabases = new WeakSet<Db>();

/**
 * Gives the write-ahead log's pages back to the database file: frames hold
 * earlier states of pages, such as rows since deleted. 'TRUNCATE' (after a
 * round closes, and on stop) also empties the log file, but waits for readers
 * and so would hold up requests; the regular 'PASSIVE' run never waits, and
 * the log then starts over from its beginning, cut to journal_size_limit.
 * Returns false when readers kept it from completing; the next call tries again.
 */
export async function checkpoint(db: Db, mode: 'PASSIVE' | 'TRUNCATE'): Promise<boolean> {
  if (!localDatabases.has(db)) return true;
  const [row] = await db.all<{ busy: number }>(sql.raw(`PRAGMA wal_checkpoint(${mode})`));
  return row?.busy === 0;
}
