import { spawnSync } from 'node:child_process';
import { count } from 'drizzle-orm';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, BackupError } from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { responses } from '../../src/db/schema/index.js';
import { createTestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

describe('backup', () => {
  it('copies the live database while writes go on, and the copy restores every response', async () => {
    const t = await createTestApp();
    try {
      const { network } = await networkWithPeople(t);
      const round = await roundWithResponses(t, network.id, [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v)));
      const target = join(t.database.dir, 'backup.db');
      // More answers arrive while the backup runs; the copy holds a consistent snapshot of before or after each.
      const more = roundWithResponses(t, network.id, [3, 3, 3].map((v) => uniformAnswers(t, v)));
      await backupDatabase(t.database, target);
      await more;
      const restored = await openDatabase(`file:${target}`);
      const [stored] = await restored.db.select({ n: count() }).from(responses);
      const [live] = await t.deps.db.select({ n: count() }).from(responses);
      expect(stored!.n).toBeGreaterThanOrEqual(5);
      expect(stored!.n).toBeLessThanOrEqual(live!.n);
      const check = await restored.client.execute('PRAGMA integrity_check');
      expect(check.rows[0]![0]).toBe('ok');
      const rows = await restored.client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE round_id = ?', args: [round.id] });
      expect(rows.rows[0]!.n).toBe(5);
      restored.close();
      await expect(backupDatabase(t.database, target)).rejects.toThrow(BackupError);
    } finally {
      t.database.dispose();
    }
  });
});

describe('npm run backup', () => {
  it('writes the database alone into BACKUP_DIR, and refuses a target beside the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-backup-'));
    try {
      const databaseUrl = `file:${join(dir, 'data', 'db.sqlite')}`;
      const database = await openDatabase(databaseUrl);
      await applyMigrations(database.db);
      database.close();
      const key = 'f'.repeat(64);
      mkdirSync(join(dir, 'keys'));
      writeFileSync(join(dir, 'keys', 'secret.key'), `${key}\n`, { mode: 0o600 });
      // The test runner's own variables (e.g. SECRET_KEY, BASE_URL) must not reach the script.
      const { SECRET_KEY: _key, BASE_URL: _base, ...env } = process.env;
      const backup = (...args: string[]) =>
        spawnSync('node', ['--import', 'tsx', 'scripts/backup.ts', ...args], {
          env: { ...env, DATABASE_URL: databaseUrl, SECRET_KEY_FILE: join(dir, 'keys', 'secret.key'), BACKUP_DIR: join(dir, 'backups') },
          encoding: 'utf8',
        });

      const refused = backup(join(dir, 'keys', 'copy.db'));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/SECRET_KEY_FILE .* must lie in separate directories/);
      expect(readdirSync(join(dir, 'keys'))).toEqual(['secret.key']);

      const written = backup();
      expect(written.stderr).toBe('');
      expect(written.status).toBe(0);
      const files = readdirSync(join(dir, 'backups'));
      expect(files).toEqual([expect.stringMatching(/^verkostopulssi-.*\.db$/)]);
      expect(readFileSync(join(dir, 'backups', files[0]!)).includes(Buffer.from(key))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
