import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Client } from '@libsql/client';
import {
  assertNothingMissing,
  ConnectionPool,
  expandConfig,
  missingClientInternals,
  missingConnectionInternals,
  Sqlite3Client,
  type LibsqlConnection,
} from './driver-internals.js';
import { createStatementKeeper } from './kept-statements.js';
import { serialiseWrites } from './write-lock.js';

/** Gives the write-ahead log's pages back to the database file and empties the log file. */
const CHECKPOINT = 'PRAGMA wal_checkpoint(TRUNCATE)';

/*
 * SQLite settings, applied to every connection the pool opens (a PRAGMA sent
 * with execute() reaches only one pooled connection):
 * - synchronous=NORMAL (1): in WAL mode a commit is in the WAL before it is
 *   acknowledged, so a crash of this process loses nothing acknowledged; on
 *   power loss the last few commits may be lost, but the file never corrupts.
 * - foreign_keys=ON: plain SQLite leaves them off unless asked, per connection.
 * - busy_timeout: a writer waits for another connection's write instead of
 *   failing at once with SQLITE_BUSY.
 * - secure_delete=ON: deleted rows (delivered mail, responses once unsealed)
 *   are overwritten with zeros, in their pages and in freed pages, so a copy
 *   of the file cannot recover them from free space.
 * - journal_size_limit: a log that was emptied by a checkpoint is cut back to
 *   this size, so old frames do not linger at its end.
 * journal_mode=WAL (readers never block the writer) is stored in the file and set at opening.
 */
const BUSY_TIMEOUT_MS = 5000;
const CONNECTION_SETTINGS = { foreign_keys: 1, synchronous: 1, busy_timeout: BUSY_TIMEOUT_MS, secure_delete: 1, journal_size_limit: 1_048_576 };
export const CONNECTION_PRAGMAS = Object.entries(CONNECTION_SETTINGS).map(([name, value]) => `PRAGMA ${name} = ${value}`);

/** A pool that configures each connection once, when it is opened. */
class ConfiguredPool extends ConnectionPool {
  readonly #configured = new WeakSet<LibsqlConnection>();
  readonly keeper = createStatementKeeper();

  override acquireSync(forTransaction = false): LibsqlConnection {
    const connection = super.acquireSync(forTransaction);
    if (!this.#configured.has(connection)) {
      assertNothingMissing(missingConnectionInternals(connection));
      for (const pragma of CONNECTION_PRAGMAS) connection.exec(pragma);
      this.keeper.keep(connection);
      this.#configured.add(connection);
    }
    return connection;
  }
}

const firstValue = async (client: Pick<Client, 'execute'>, sql: string) => Object.values((await client.execute(sql)).rows[0] ?? {})[0];

/**
 * Checks that the client really goes through the pool's configured
 * connections and kept statements: a connection it opened while another was
 * held has every setting, and running a text twice reused its statement.
 */
async function assertLayerInPlace(client: Client, pool: ConfiguredPool, inMemory: boolean): Promise<void> {
  const missing: string[] = [];
  const held = inMemory ? undefined : await client.transaction('read');
  try {
    for (const [name, value] of Object.entries(CONNECTION_SETTINGS)) {
      if ((await firstValue(client, `PRAGMA ${name}`)) !== value) missing.push(`Sqlite3Client borrowing its connections through ConnectionPool.acquireSync() (${name} is not set)`);
    }
  } finally {
    held?.close();
  }
  const before = pool.keeper.reuses();
  await client.execute('SELECT 1');
  await client.execute('SELECT 1');
  if (pool.keeper.reuses() === before) missing.push('Sqlite3Client preparing each statement through connection.prepare()');
  assertNothingMissing(missing);
}

/** A file (or in-memory) database in this process, with the embedded-only layer: settings, kept statements, the write lock. */
export async function openEmbeddedClient(url: string): Promise<{ client: Client; close: () => void }> {
  assertNothingMissing(missingClientInternals());
  const config = expandConfig({ url, intMode: 'number', timeout: BUSY_TIMEOUT_MS }, true);
  const inMemory = config.path === ':memory:' || config.path === '';
  if (!inMemory) mkdirSync(dirname(config.path), { recursive: true });
  const path = inMemory ? `${config.scheme}:${config.path}` : config.path;
  // An in-memory database lives on one connection only.
  const pool = new ConfiguredPool(path, { timeout: BUSY_TIMEOUT_MS }, inMemory ? 1 : Math.max(1, config.concurrency));
  // Fails fast if the file cannot be opened; WAL before any other connection opens, so each starts in it.
  const first = pool.acquireSync();
  try {
    if (!inMemory) first.exec('PRAGMA journal_mode = WAL');
  } finally {
    pool.release(first);
  }
  const sqlite = new Sqlite3Client(pool, config.intMode);
  try {
    await assertLayerInPlace(sqlite, pool, inMemory);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const close = () => {
    // On a clean stop the log is emptied first: a stopped server leaves its history in no -wal file.
    if (!inMemory && !sqlite.closed) {
      const connection = pool.acquireSync();
      try {
        connection.exec(CHECKPOINT);
      } finally {
        pool.release(connection);
      }
    }
    sqlite.close();
  };
  // Explaining a text needs a connection only the first time it is seen; one held by every transaction fails, as will the statement.
  const writes = async (sql: string) => {
    const known = pool.keeper.known(sql);
    if (known) return known.writes;
    const connection = await pool.acquire().catch(() => undefined);
    if (!connection) return true;
    try {
      return pool.keeper.effects(connection, sql).writes;
    } finally {
      pool.release(connection);
    }
  };
  return { client: serialiseWrites(sqlite, writes), close };
}
