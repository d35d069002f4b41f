import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';

describe('migrations', () => {
  it('agree with the schema: generating anew yields nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-migrations-'));
    try {
      cpSync(resolve('migrations'), join(dir, 'migrations'), { recursive: true });
      const before = readdirSync(join(dir, 'migrations')).sort();
      const config = join(dir, 'drizzle.config.json');
      writeFileSync(config, JSON.stringify({ dialect: 'sqlite', schema: 'src/db/schema/index.ts', out: relative(process.cwd(), join(dir, 'migrations')) }));
      const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      const output = `${run.stdout}${run.stderr}`;
      expect(readdirSync(join(dir, 'migrations')).sort()).toEqual(before);
      expect(output).toMatch(/No schema changes/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('create every table of the core concepts', async () => {
    const database = await createTestDatabase();
    try {
      const { rows } = await database.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'");
      const tables = rows.map((r) => r.name);
      for (const table of ['networks', 'users', 'network_roles', 'members', 'questionnaire_versions', 'rounds', 'invitations', 'responses', 'item_tallies', 'measure_tallies', 'actions', 'report_links', 'outgoing_mail']) {
        expect(tables).toContain(table);
      }
    } finally {
      database.dispose();
    }
  });

  it('give responses no column that could point at an invitation or a member', async () => {
    const database = await createTestDatabase();
    try {
      const { rows } = await database.client.execute('PRAGMA table_info(responses)');
      const columns = rows.map((r) => String(r.name));
      expect(columns).toContain('answers');
      expect(columns.filter((c) => /invitation|member|token|email|user|ip|agent|created|time/.test(c))).toEqual([]);
      const { rows: keys } = await database.client.execute('PRAGMA foreign_key_list(responses)');
      expect(keys.map((k) => k.table)).toEqual(['rounds']);
    } finally {
      database.dispose();
    }
  });
});
