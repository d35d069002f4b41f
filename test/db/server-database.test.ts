import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { backupDatabase, BackupError } from '../../src/db/backup.js';
import { checkpoint, openDatabase, type Database } from '../../src/db/client.js';
import { CONNECTION_PRAGMAS } from '../../src/db/embedded-client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { members, networks } from '../../src/db/schema/index.js';
import { silentLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { startHranaServer, type HranaServer } from '../helpers/hrana-server.js';

// What only an embedded database may be sent from here; on a server each is its operator's concern.
const EMBEDDED_ONLY = [...CONNECTION_PRAGMAS, /wal_checkpoint/i, /journal_mode/i, /^\s*VACUUM/i, /^\s*EXPLAIN/i];
const embeddedOnlyAmong = (statements: string[]) =>
  statements.filter((sql) => EMBEDDED_ONLY.some((rule) => (typeof rule === 'string' ? sql.trim() === rule : rule.test(sql))));

let dir: string;
let server: HranaServer | undefined;
let database: Database | undefined;
afterEach(async () => {
  database?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  database = server = undefined;
});

async function serverDatabase(authToken?: string) {
  dir = mkdtempSync(join(tmpdir(), 'vp-sqld-'));
  server = await startHranaServer(join(dir, 'served.db'));
  database = await openDatabase(server.url, authToken);
  return { server, database };
}

describe('a database on a libSQL server (DATABASE_URL=http://…)', () => {
  it('runs the real migrations, transactions and queries over the HTTP protocol, with the token', async () => {
    const { server, database } = await serverDatabase('the-token');
    expect(database.kind).toBe('server');
    await applyMigrations(database.db);
    const network = await database.db.transaction(async (tx) => {
      const [created] = await tx.insert(networks).values({ name: 'Etäverkosto', createdAt: '2026-01-01' }).returning();
      await tx.insert(members).values({ networkId: created!.id, name: 'M', email: 'm@example.fi', createdAt: 'now', updatedAt: 'now' });
      return created!;
    });
    const [stored] = await database.db.select({ n: count() }).from(members).where(eq(members.networkId, network.id));
    expect(stored!.n).toBe(1);
    expect(server.statements.some((sql) => /insert into "members"/i.test(sql))).toBe(true);
    expect(server.authorizations.every((header) => header === 'Bearer the-token')).toBe(true);
    expect(embeddedOnlyAmong(server.statements)).toEqual([]);
  });

  it('attempts no checkpoint and no file backup there, and says how to back up instead', async () => {
    const { server, database } = await serverDatabase();
    await applyMigrations(database.db);
    expect(await checkpoint(database.db, 'TRUNCATE')).toBe(true);
    expect(await checkpoint(database.db, 'PASSIVE')).toBe(true);
    const target = join(dir, 'copy.db');
    await expect(backupDatabase(database, target)).rejects.toThrow(BackupError);
    await expect(backupDatabase(database, target)).rejects.toThrow(/server’s own tools/);
    expect(embeddedOnlyAmong(server.statements)).toEqual([]);
  });

  it('starts the whole server on it: migrations, upgrade without file rewrite, /healthz, setup link', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vp-sqld-'));
    server = await startHranaServer(join(dir, 'served.db'));
    const running = await startServer(parseConfig({ DATABASE_URL: server.url, PORT: '0', SECRET_KEY_FILE: join(dir, 'keys', 'secret.key') }), { log: silentLogger, schedulerIntervalMs: 60_000 });
    try {
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      expect(running.setupLink).toMatch(/\/setup\//);
      // The migrations' holding tables for the anonymity upgrade were dropped there, without a VACUUM.
      expect(server.statements).toContain('DROP TABLE upgrade_used_invitations');
    } finally {
      await running.stop();
    }
    expect(embeddedOnlyAmong(server.statements)).toEqual([]);
  });
});
