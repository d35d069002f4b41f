import { afterEach, describe, expect, it } from 'vitest';
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
