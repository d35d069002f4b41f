import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { createStatementKeeper } from '../../src/db/kept-statements.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
afterEach(() => database?.dispose());

describe('prepared statements kept per connection', () => {
  it('give fresh results on every run, and the new columns after a schema change', async () => {
    database = await createTestDatabase();
    const { client } = database;
    await client.execute('CREATE TABLE notes (body TEXT)');
    await client.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['first'] });
    const read = () => client.execute('SELECT * FROM notes ORDER BY rowid');
    expect((await read()).rows.map((row) => row.body)).toEqual(['first']);

    await client.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['second'] });
    expect((await read()).rows.map((row) => row.body)).toEqual(['first', 'second']);

    await client.execute("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'anon'");
    const after = await read();
    expect(after.columns).toEqual(['body', 'author']);
    expect(after.rows.map((row) => [row.body, row.author])).toEqual([['first', 'anon'], ['second', 'anon']]);
  });

  it('keep a statement that failed usable for the next run', async () => {
    database = await createTestDatabase();
    const { client } = database;
    await client.execute('CREATE TABLE keys (id INTEGER PRIMARY KEY)');
    const insert = (id: number) => client.execute({ sql: 'INSERT INTO keys (id) VALUES (?)', args: [id] });
    await insert(1);
    await expect(insert(1)).rejects.toThrow(/UNIQUE/);
    await insert(2);
    expect((await client.execute('SELECT id FROM keys ORDER BY id')).rows.map((row) => row.id)).toEqual([1, 2]);
  });
});

describe('the statement keeper on real connections', () => {
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-keeper-'));
    const first = new Database(join(dir, 'db.sqlite'));
    const second = new Database(join(dir, 'db.sqlite'));
    first.exec('PRAGMA journal_mode = WAL; CREATE TABLE notes (body TEXT)');
    const keeper = createStatementKeeper();
    keeper.keep(first);
    keeper.keep(second);
    return { first, second, keeper, close: () => (first.close(), second.close(), rmSync(dir, { recursive: true, force: true })) };
  };

  it('hands out the same prepared statement for the same text, with its columns read once', () => {
    const { first, keeper, close } = open();
    try {
      const statement = first.prepare('SELECT body FROM notes');
      expect(first.prepare('SELECT body FROM notes')).toBe(statement);
      expect(statement.columns()).toBe(statement.columns());
      expect(keeper.reuses()).toBe(1);
      expect(first.prepare('SELECT rowid FROM notes')).not.toBe(statement);
    } finally {
      close();
    }
  });

  it('prepares afresh on every connection after a schema change on one, however the change is written', () => {
    const { first, second, close } = open();
    try {
      const before = second.prepare('SELECT * FROM notes');
      expect(before.columns().map((c) => c.name)).toEqual(['body']);
      first.prepare("/* a comment first */ ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'anon'").run();
      const after = second.prepare('SELECT * FROM notes');
      expect(after).not.toBe(before);
      expect(after.columns().map((c) => c.name)).toEqual(['body', 'author']);
    } finally {
      close();
    }
  });
});
