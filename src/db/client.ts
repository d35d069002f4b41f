import { createClient, type Client } from '@libsql/client';
import { expandConfig } from '@libsql/core/config';
import { sql } from 'drizzle-orm';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.js';
import { openEmbeddedClient } from './embedded-client.js';
import { databaseKind, isEmbedded, recordKind, type DatabaseKind } from './kind.js';

export type Db = LibSQLDatabase<typeof schema>;
/** A drizzle transaction over the same schema as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Storage functions take either, so the caller decides what else shares the transaction. */
export type DbOrTx = Db | Tx;
export type Database = { db: Db; client: Client; close: () => void; kind: DatabaseKind };

/** The file of an embedded database (a `file:` URL); undefined for :memory: and for a libSQL server. */
export function databaseFilePath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const { path } = expandConfig({ url }, true);
  return path === ':memory:' || path === '' ? undefined : path;
}

/** A libSQL server gets the client's public remote client, and nothing of the embedded layer. */
function openServerClient(url: string, authToken: string | undefined): { client: Client; close: () => void } {
  const client = createClient({ url, authToken, intMode: 'number' });
  return { client, close: () => client.close() };
}

export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const kind = databaseKind(url);
  const { client, close } = kind === 'embedded' ? await openEmbeddedClient(url) : openServerClient(url, authToken);
  const db = drizzle(client, { schema });
  recordKind(db, kind);
  return { db, client, close, kind };
}

/**
 * Gives the write-ahead log's pages back to the database file: frames hold
 * earlier states of pages, such as rows since deleted. 'TRUNCATE' (after a
 * round closes, and on stop) also empties the log file, but waits for readers
 * and so would hold up requests; the regular 'PASSIVE' run never waits, and
 * the log then starts over from its beginning, cut to journal_size_limit.
 * Returns false when readers kept it from completing; the next call tries again.
 * A libSQL server keeps its own log: nothing is done there.
 */
export async function checkpoint(db: Db, mode: 'PASSIVE' | 'TRUNCATE'): Promise<boolean> {
  if (!isEmbedded(db)) return true;
  const [row] = await db.all<{ busy: number }>(sql.raw(`PRAGMA wal_checkpoint(${mode})`));
  return row?.busy === 0;
}
