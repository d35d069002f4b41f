import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { recordVersionUse } from '../../src/catalogue/immutability.js';
import { parseConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { silentLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

const dirs: string[] = [];
const running: RunningServer[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vp-start-'));
  dirs.push(dir);
  return dir;
}
async function start(databaseUrl: string, surveysDir?: string) {
  const keyFile = join(tempDir(), 'secret.key');
  const server = await startServer(parseConfig({ DATABASE_URL: databaseUrl, PORT: '0', SECRET_KEY_FILE: keyFile }), { log: silentLogger, ...(surveysDir ? { surveysDir } : {}) });
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('server start', () => {
  it('creates the database file, applies migrations, answers /healthz and prints a setup link', async () => {
    const dir = tempDir();
    const server = await start(`file:${join(dir, 'nested', 'db.sqlite')}`);
    expect(readFileSync(join(dir, 'nested', 'db.sqlite')).length).toBeGreaterThan(0);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(server.setupLink).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/setup\/[A-Za-z0-9_-]{40,}$/);
    const page = await fetch(server.setupLink!);
    expect(page.status).toBe(200);
  });

  it('generates the secret key into a private file apart from the data and the backups, never into the database, and reuses it', async () => {
    const dir = tempDir();
    const keyFile = join(dir, 'keys', 'secret.key');
    const databaseFile = join(dir, 'data', 'db.sqlite');
    const config = parseConfig({ DATABASE_URL: `file:${databaseFile}`, PORT: '0', SECRET_KEY_FILE: keyFile, BACKUP_DIR: join(dir, 'data', 'backups') });
    running.push(await startServer(config, { log: silentLogger }));
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'keys')).mode & 0o077).toBe(0);
    expect(readdirSync(join(dir, 'data')).some((name) => name.includes('key'))).toBe(false);
    await running.pop()!.stop();
    running.push(await startServer(config, { log: silentLogger }));
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
    expect(readFileSync(databaseFile).includes(Buffer.from(key))).toBe(false);
  });

  it('refuses to start when a used questionnaire version changed, naming the file', async () => {
    const dir = tempDir();
    const surveys = join(dir, 'surveys');
    cpSync('surveys', surveys, { recursive: true });
    const url = `file:${join(dir, 'db.sqlite')}`;
    (await start(url, surveys)).stop();
    running.pop();
    const database = await openDatabase(url);
    await recordVersionUse(database.db, loadCatalogue(surveys).find('network-rules', 1)!, new Date('2026-01-05T10:00:00Z'));
    database.close();

    // Reformatting is not a change…
    const file = join(surveys, 'network-rules', 'v1.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify(json));
    await start(url, surveys);
    // …but a reworded statement is.
    json.pages[1].elements[0].title.fi = 'Muutettu sanamuoto';
    writeFileSync(file, JSON.stringify(json, null, 2));
    await expect(start(url, surveys)).rejects.toThrow(/surveys\/network-rules\/v1\.json changed after a round used it on 2026-01-05.*new version file \(v2\.json/);
  });

  it('refuses to start on a broken questionnaire file, naming the file and question', async () => {
    const dir = tempDir();
    const surveys = join(dir, 'surveys');
    cpSync('surveys', surveys, { recursive: true });
    const file = join(surveys, 'network-strategy', 'v1.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const question = json.pages[0].elements.find((q: { measures?: string }) => q.measures);
    question.measures = 'area:nowhere';
    writeFileSync(file, JSON.stringify(json));
    await expect(start(`file:${join(dir, 'db.sqlite')}`, surveys)).rejects.toThrow(new RegExp(`network-strategy/v1\\.json, question "${question.name}": The question must measure exactly one known rule`));
  });
});
