import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { backupDatabase } from '../../src/db/backup.js';
import { restoreDatabase, RestoreError } from '../../src/db/restore.js';
import { silentLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** A live database with five responses and its backup; restored files are read with a plain client that closes fully. */
async function liveWithBackup() {
  t = await createTestApp();
  const { network } = await networkWithPeople(t);
  await roundWithResponses(t, network.id, [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v)));
  const backup = join(t.database.dir, 'backup.db');
  await backupDatabase(t.database, backup);
  return { backup, dir: t.database.dir };
}

async function responsesIn(path: string): Promise<number> {
  const client = createClient({ url: `file:${path}` });
  try {
    return Number((await client.execute('SELECT count(*) AS n FROM responses')).rows[0]!.n);
  } finally {
    client.close();
  }
}

/*
 * A restore runs in a process of its own, after the server's process has
 * ended. In this test process a closed libSQL connection keeps its file lock
 * until it is garbage-collected, so a file this process has opened looks in
 * use: restores of existing files run through the script, and restored files
 * are read from a copy.
 */
const SECRET_KEY = 'k'.repeat(40);
function restoreCli(databaseFile: string, ...args: string[]) {
  const env = { ...process.env, DATABASE_URL: `file:${databaseFile}`, SECRET_KEY, BASE_URL: '' };
  return spawnSync('node', ['--import', 'tsx', 'scripts/restore.ts', ...args], { env, encoding: 'utf8' });
}
function responsesInCopy(path: string): Promise<number> {
  const copy = `${path}.read-${Math.random().toString(36).slice(2)}`;
  copyFileSync(path, copy);
  return responsesIn(copy);
}

describe('restoreDatabase', () => {
  it('refuses a database a server has open, even with force', async () => {
    const { backup } = await liveWithBackup();
    const live = t.database.url.slice('file:'.length);
    await expect(restoreDatabase(backup, live, { force: true })).rejects.toThrow(`${live} is in use: a running server has it open. Stop the server, then restore.`);
  });

  it('refuses a damaged copy, a newer version’s database and a file of something else, and leaves nothing behind', async () => {
    const { backup, dir } = await liveWithBackup();
    const target = join(dir, 'target.db');

    const damaged = join(dir, 'damaged.db');
    const bytes = readFileSync(backup);
    bytes.fill(0xa5, 4096 * 3, 4096 * 6);
    writeFileSync(damaged, bytes);
    const refusal = await restoreDatabase(damaged, target).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RestoreError);
    expect(String(refusal)).toMatch(/The backup is (damaged|not a readable database)/);

    const newer = join(dir, 'newer.db');
    copyFileSync(backup, newer);
    const client = createClient({ url: `file:${newer}` });
    await client.execute({ sql: 'INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)', args: ['f'.repeat(64), Date.parse('2099-01-01')] });
    client.close();
    await expect(restoreDatabase(newer, target)).rejects.toThrow('The backup was made by a newer version of Verkostopulssi (1 migration(s) this version does not have). Upgrade first, then restore.');

    const other = join(dir, 'other.db');
    const foreign = createClient({ url: `file:${other}` });
    await foreign.execute('CREATE TABLE notes (text TEXT)');
    foreign.close();
    await expect(restoreDatabase(other, target)).rejects.toThrow('The backup is not a Verkostopulssi database: it has no record of migrations.');
    await expect(restoreDatabase(join(dir, 'missing.db'), target)).rejects.toThrow(`There is no backup file at ${join(dir, 'missing.db')}.`);

    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });
});

describe('npm run restore', () => {
  it('restores to a missing file; replaces an existing one only with --force, its old log removed', async () => {
    const { backup, dir } = await liveWithBackup();
    const target = join(dir, 'restored', 'db.sqlite');
    const first = restoreCli(target, backup);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Restored ${backup} to ${target}.`);

    const again = restoreCli(target, backup);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${target} already exists. To replace it with the backup, stop the server and run the restore again with --force.`);
    // A log left by a crash belongs to the old file and must not be replayed into the restored one.
    writeFileSync(`${target}-wal`, Buffer.alloc(4096, 7));
    const forced = restoreCli(target, backup, '--force');
    expect(forced.status).toBe(0);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(existsSync(`${target}.restoring`)).toBe(false);
    expect(await responsesInCopy(target)).toBe(5);
  }, 60_000);

  it('refuses while the server runs, even with --force, and says how it is used', async () => {
    const { backup, dir } = await liveWithBackup();
    const databaseFile = join(dir, 'data', 'db.sqlite');
    mkdirSync(join(dir, 'data'));
    const server = await startServer(parseConfig({ DATABASE_URL: `file:${databaseFile}`, PORT: '0', SECRET_KEY }), { log: silentLogger });
    try {
      const refused = restoreCli(databaseFile, backup, '--force');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${databaseFile} is in use: a running server has it open. Stop the server, then restore.`);
    } finally {
      await server.stop();
    }
    const usage = restoreCli(databaseFile);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('Usage: npm run restore -- <backup file> [--force]');
  }, 60_000);
});
