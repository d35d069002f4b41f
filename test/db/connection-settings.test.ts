import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

describe('every pooled connection gets the SQLite settings', () => {
  let database: TestDatabase;
  afterEach(() => database?.dispose());

  it('applies WAL, NORMAL sync, foreign keys, busy timeout, secure delete and the log size limit on each of several concurrent connections', async () => {
    database = await createTestDatabase();
    // Open transactions each hold their own connection, so five of them force five connections.
    const transactions = await Promise.all(Array.from({ length: 5 }, () => database.client.transaction('read')));
    const settings = await Promise.all(
      transactions.map(async (tx) => {
        const read = async (pragma: string) => Object.values((await tx.execute(`PRAGMA ${pragma}`)).rows[0]!)[0];
        return {
          journal: await read('journal_mode'),
          sync: await read('synchronous'),
          fk: await read('foreign_keys'),
          busy: await read('busy_timeout'),
          secureDelete: await read('secure_delete'),
          logLimit: await read('journal_size_limit'),
        };
      }),
    );
    for (const tx of transactions) tx.close();
    expect(settings).toHaveLength(5);
    for (const s of settings) expect(s).toEqual({ journal: 'wal', sync: 1, fk: 1, busy: 5000, secureDelete: 1, logLimit: 1048576 });
  });

  it('enforces foreign keys on a connection opened after a transaction took the first one', async () => {
    database = await createTestDatabase();
    const tx = await database.client.transaction('read');
    await expect(database.client.execute("INSERT INTO members (network_id, name, email, created_at, updated_at) VALUES (999, 'x', 'x@example.fi', 'now', 'now')")).rejects.toThrow(/FOREIGN KEY/);
    tx.close();
  });

  it('keeps an in-memory database on its single connection across a transaction', async () => {
    const memory = await openDatabase(':memory:');
    await memory.client.execute('CREATE TABLE t (x)');
    const tx = await memory.client.transaction('write');
    await tx.execute('INSERT INTO t VALUES (1)');
    await tx.commit();
    const rows = await memory.client.execute('SELECT count(*) AS n FROM t');
    expect(rows.rows[0]!.n).toBe(1);
    memory.close();
  });
});

describe('writes from one process', () => {
  it('take turns instead of failing with SQLITE_BUSY when transactions overlap', async () => {
    const database = await createTestDatabase();
    try {
      await database.client.execute("INSERT INTO networks (name, created_at) VALUES ('n', 'now')");
      // Each transaction yields to the event loop between its statements, as real handlers do.
      const write = async (i: number) => {
        const tx = await database.client.transaction('write');
        await tx.execute({ sql: "INSERT INTO members (network_id, name, email, created_at, updated_at) VALUES (1, 'm', ?, 'now', 'now')", args: [`m${i}@example.fi`] });
        await new Promise((r) => setTimeout(r, 5));
        await tx.execute({ sql: 'UPDATE members SET organisation = ? WHERE email = ?', args: ['org', `m${i}@example.fi`] });
        await tx.commit();
      };
      await Promise.all([...Array.from({ length: 20 }, (_, i) => write(i)), database.client.execute("UPDATE networks SET name = 'renamed'")]);
      const { rows } = await database.client.execute("SELECT count(*) AS n FROM members WHERE organisation = 'org'");
      expect(rows[0]!.n).toBe(20);
    } finally {
      database.dispose();
    }
  });
});
