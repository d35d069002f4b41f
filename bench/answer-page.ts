import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { hashToken, newToken } from '../src/accounts/tokens.js';
import { loadCatalogue } from '../src/catalogue/load.js';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { invitations, members, networks, rounds } from '../src/db/schema/index.js';
import { initialiseTallies } from '../src/responses/tallies.js';

const SECRET_KEY = 'bench-secret-key-0123456789abcdef0123456789';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function prepare(url: string): Promise<string> {
  const database = await openDatabase(url);
  await applyMigrations(database.db);
  const [network] = await database.db.insert(networks).values({ name: 'Bench', createdAt: 'x' }).returning();
  const now = Date.now();
  const [round] = await database.db
    .insert(rounds)
    .values({ networkId: network!.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'B', status: 'open', opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString(), createdAt: 'x' })
    .returning();
  await initialiseTallies(database.db, round!.id, loadCatalogue().find('network-rules', 1)!, false);
  const [member] = await database.db.insert(members).values({ networkId: network!.id, name: 'M', email: 'm@x.example', createdAt: 'x', updatedAt: 'x' }).returning();
  const token = newToken(16);
  await database.db.insert(invitations).values({ roundId: round!.id, memberId: member!.id, tokenHash: hashToken(SECRET_KEY, token), createdAt: 'x' });
  database.close();
  return token;
}

/** What a member's browser downloads (compressed, as sent) before the first question shows, and how long that takes. */
export async function benchAnswerPage() {
  const dir = mkdtempSync(join(tmpdir(), 'vp-bench-page-'));
  const url = `file:${join(dir, 'app.db')}`;
  const token = await prepare(url);
  const { BASE_URL: _ignored, ...env } = process.env;
  const server = spawn('node', ['--import', 'tsx', 'src/index.ts'], { env: { ...env, PORT: '0', DATABASE_URL: url, SECRET_KEY, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve) => {
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(/open (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve(match[1]!);
    });
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const visit = async () => {
      const sizes: Array<Promise<number>> = [];
      const listener = (response: import('playwright-core').Response) => sizes.push(response.request().sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      page.on('response', listener);
      const started = performance.now();
      await page.goto(`${base}/a/${token}`);
      await page.locator('.sd-question').first().waitFor();
      const ms = performance.now() - started;
      page.off('response', listener);
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      return { ms, bytes, requests: sizes.length };
    };
    const first = await visit();
    const again = await visit();
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    return {
      'answer page, first visit: transferred': `${kb(first.bytes)} in ${first.requests} requests`,
      'answer page, first visit: first question': `${first.ms.toFixed(0)} ms`,
      'answer page, reminder visit: transferred': `${kb(again.bytes)} in ${again.requests} requests`,
      'answer page, reminder visit: first question': `${again.ms.toFixed(0)} ms`,
    };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
