import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../src/accounts/tokens.js';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { openDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { receiptNullifier } from '../../src/answering/receipts.js';
import { answerReceipts, dailyResponseCounts, invitations, members, networks, responses, rounds, sealedResponses } from '../../src/db/schema/index.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import { closeRound } from '../../src/rounds/transitions.js';
import { fullAnswers } from '../answering/fixture.js';

const SECRET_KEY = 'crash-test-secret-key-0123456789abcdef0123';
const INVITED = 400;

async function prepare(url: string): Promise<{ roundId: number; tokens: string[] }> {
  const database = await openDatabase(url);
  await applyMigrations(database.db);
  const version = loadCatalogue().find('network-rules', 1)!;
  const now = Date.now();
  const [network] = await database.db.insert(networks).values({ name: 'Kaatumistesti', createdAt: 'x' }).returning();
  const [round] = await database.db
    .insert(rounds)
    .values({ networkId: network!.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'K', status: 'open', opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString(), createdAt: 'x' })
    .returning();
  await initialiseTallies(database.db, round!.id, version, false);
  const tokens = Array.from({ length: INVITED }, () => newToken(16));
  await database.db.transaction(async (tx) => {
    for (const [i, token] of tokens.entries()) {
      const [member] = await tx.insert(members).values({ networkId: network!.id, name: `M${i}`, email: `m${i}@x.example`, createdAt: 'x', updatedAt: 'x' }).returning();
      await tx.insert(invitations).values({ roundId: round!.id, memberId: member!.id, tokenHash: hashToken(SECRET_KEY, token), createdAt: 'x' });
    }
  });
  database.close();
  return { roundId: round!.id, tokens };
}

function startServer(url: string, dir: string): Promise<{ child: ChildProcess; base: string }> {
  const { BASE_URL: _runnerBase, ...env } = process.env;
  const child = spawn('node', ['--import', 'tsx', 'src/index.ts'], {
    env: { ...env, PORT: '0', DATABASE_URL: url, SECRET_KEY, SECRET_KEY_FILE: join(dir, 'unused.key'), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(/running: open (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1]! });
      }
    });
  });
}

/** Resolves when the process has exited, also if it already had. */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('crash safety', () => {
  it('keeps every acknowledged response exactly once, and no link is used up without its response, across SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-crash-'));
    const url = `file:${join(dir, 'db.sqlite')}`;
    try {
      const { roundId, tokens } = await prepare(url);
      const answers = JSON.stringify({ answers: fullAnswers(loadCatalogue().find('network-rules', 1)!), language: 'fi' });
      const first = await startServer(url, dir);
      const acknowledged: string[] = [];
      let next = 0;
      let killed = false;
      const worker = async () => {
        while (next < tokens.length && !killed) {
          const token = tokens[next++]!;
          try {
            const response = await fetch(`${first.base}/a/${token}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: answers });
            if (response.status === 201) acknowledged.push(token);
          } catch {
            // The server died with this request in flight: it was never acknowledged.
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
      const firstExit = exited(first.child);
      first.child.kill('SIGKILL');
      killed = true;
      await Promise.all(workers);
      await firstExit;
      expect(acknowledged.length).toBeGreaterThanOrEqual(60);

      const second = await startServer(url, dir);
      for (const token of acknowledged) {
        const again = await fetch(`${second.base}/a/${token}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: answers });
        expect(again.status).toBe(409);
      }
      const secondExit = exited(second.child);
      second.child.kill('SIGTERM');
      await secondExit;

      const database = await openDatabase(url);
      const rowCount = async (table: typeof answerReceipts | typeof sealedResponses | typeof responses) => (await database.db.select({ n: count() }).from(table))[0]!.n;
      try {
        const receipts = await rowCount(answerReceipts);
        const sealed = await rowCount(sealedResponses);
        // While the round is open every response is sealed: a receipt without its response would be a lost answer.
        expect(await rowCount(responses)).toBe(0);
        expect(sealed).toBe(receipts);
        const nullifiers = new Set((await database.db.select({ nullifier: answerReceipts.nullifier }).from(answerReceipts)).map((row) => row.nullifier));
        for (const token of acknowledged) expect(nullifiers.has(receiptNullifier(SECRET_KEY, token)), 'acknowledged link has its receipt').toBe(true);
        expect(receipts).toBeGreaterThanOrEqual(acknowledged.length);
        // At most the requests in flight at the kill were stored without being acknowledged.
        expect(receipts - acknowledged.length).toBeLessThanOrEqual(16);
        const daily = await database.db.select().from(dailyResponseCounts).where(eq(dailyResponseCounts.roundId, roundId));
        expect(daily.reduce((n, d) => n + d.responses, 0)).toBe(receipts);

        // Closing opens every one of them: as many responses as receipts, none left sealed.
        await closeRound({ db: database.db, catalogue: loadCatalogue(), clock: { now: () => new Date() }, secretKey: SECRET_KEY }, roundId, null);
        expect(await rowCount(sealedResponses)).toBe(0);
        expect(await rowCount(responses)).toBe(receipts);
        expect(await rowCount(answerReceipts)).toBe(receipts);
      } finally {
        database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
