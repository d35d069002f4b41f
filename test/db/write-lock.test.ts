import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
afterEach(() => database?.dispose());

const WRITES = [
  "WITH named AS (SELECT 'w' AS name) INSERT INTO networks (name, created_at) SELECT name, 'now' FROM named",
  "/* a comment first */ UPDATE networks SET name = 'renamed'",
  "-- a line comment\ndelete from networks where name = 'nobody'",
  "INSERT INTO networks (name, created_at) VALUES ('r', 'now') RETURNING id",
  'PRAGMA user_version = 7',
  'PRAGMA incremental_vacuum', // a bare PRAGMA that writes
];
const READS = [
  'SELECT count(*) AS n FROM networks',
  '/* a comment first */ select name from networks',
  'WITH n AS (SELECT id FROM networks) SELECT count(*) FROM n',
  'PRAGMA foreign_keys',
];

const settledWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => 'settled'), new Promise<string>((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe('the write lock, deciding by what SQLite says a statement does', () => {
  it.each(WRITES)('makes %j wait for the open write transaction, then run', async (sql) => {
    database = await createTestDatabase();
    const tx = await database.client.transaction('write');
    await tx.execute("INSERT INTO networks (name, created_at) VALUES ('first', 'now')");
    // Taken for a read, it would reach SQLite at once and block the process on SQLite's lock until the busy timeout.
    const statement = database.client.execute(sql);
    expect(await settledWithin(statement, 100)).toBe('pending');
    await tx.commit();
    await statement;
  });

  it.each(READS)('lets %j run while a write transaction is open', async (sql) => {
    database = await createTestDatabase();
    const tx = await database.client.transaction('write');
    await tx.execute("INSERT INTO networks (name, created_at) VALUES ('first', 'now')");
    expect(await settledWithin(database.client.execute(sql), 5_000)).toBe('settled');
    await tx.commit();
  });

  it('runs only the first statement of a text, as it classifies it', async () => {
    database = await createTestDatabase();
    await database.client.execute("INSERT INTO networks (name, created_at) VALUES ('kept', 'now')");
    await database.client.execute('SELECT 1; DELETE FROM networks');
    expect((await database.client.execute('SELECT count(*) AS n FROM networks')).rows[0]!.n).toBe(1);
  });
});
