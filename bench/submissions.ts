import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hashToken, newToken } from '../src/accounts/tokens.js';
import { loadCatalogue } from '../src/catalogue/load.js';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { invitations, members, networks, rounds } from '../src/db/schema/index.js';
import { initialiseTallies } from '../src/responses/tallies.js';
import type { QuestionnaireVersion } from '../src/catalogue/types.js';

const SECRET_KEY = 'bench-secret-key-0123456789abcdef0123456789';
const CONNECTIONS = 50;

/** An open round with `count` invitations whose tokens we know. */
async function prepare(url: string, count: number, collectSegments: boolean): Promise<string[]> {
  const database = await openDatabase(url);
  await applyMigrations(database.db);
  const version = loadCatalogue().find('network-rules', 1)!;
  const [network] = await database.db.insert(networks).values({ name: 'Bench', collectSegments, createdAt: 'x' }).returning();
  const now = Date.now();
  const [round] = await database.db
    .insert(rounds)
    .values({ networkId: network!.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'B', status: 'open', opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString(), collectSegments, createdAt: 'x' })
    .returning();
  await initialiseTallies(database.db, round!.id, version, collectSegments);
  const tokens = Array.from({ length: count }, () => newToken(16));
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < count; i += 500) {
      const batch = tokens.slice(i, i + 500);
      const added = await tx.insert(members).values(batch.map((_, j) => ({ networkId: network!.id, name: `M${i + j}`, email: `m${i + j}@x.example`, createdAt: 'x', updatedAt: 'x' }))).returning({ id: members.id });
      await tx.insert(invitations).values(added.map((m, j) => ({ roundId: round!.id, memberId: m.id, tokenHash: hashToken(SECRET_KEY, batch[j]!), createdAt: 'x' })));
    }
  });
  database.close();
  return tokens;
}

function start(command: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const { BASE_URL: _ignored, ...rest } = process.env;
  const child = spawn('node', [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', ...command], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(ready);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${seen}`)));
  });
}

/** Peak resident memory of a process so far, from Linux's /proc. */
function peakRss(pid: number): string {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM'));
  return line ? `${Math.round(Number(line.split(/\s+/)[1]) / 1024)} MiB` : 'n/a';
}

/** CPU time a process has used so far, in seconds, from Linux's /proc. */
function cpuSeconds(pid: number): number {
  // Fields 14 and 15 (user and system time, in clock ticks of 1/100 s) follow the command name in parentheses.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function load(url: string, pid: number, amount: number, path: (i: number) => string, body: (i: number) => string) {
  let i = 0;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  // autocannon notices the end only at its next one-second tick: the run ends with the last response.
  let answered = 0;
  let finished = { at: 0, cpu: 0 };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url,
      connections: CONNECTIONS,
      amount,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req: autocannon.Request) => ({ ...req, path: path(i), body: body(i++) }) }],
    };
    const run = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    run.on('response', () => {
      if (++answered === amount) finished = { at: performance.now(), cpu: cpuSeconds(pid) };
    });
  });
  const seconds = (finished.at - started) / 1000;
  const cpu = (finished.cpu - cpuBefore) / seconds;
  return { rps: result['2xx'] / seconds, p50: result.latency.p50, p99: result.latency.p99, ok: result['2xx'], errors: result.non2xx + result.errors, cpu };
}

/** Answers that differ from one member to the next, as real ones do, so each batch touches many tally rows. */
function answerBodies(version: QuestionnaireVersion, count: number): string[] {
  return Array.from({ length: count }, (_, n) => {
    const answers: Record<string, unknown> = { r1_comment: 'Hyvä verkosto.' };
    version.items.forEach((item, i) => {
      if (item.kind === 'scored') answers[item.name] = (i * 7 + n) % 11 === 0 ? 'none' : 1 + ((i + n * 3) % 5);
      if (item.kind === 'segment') answers[item.name] = item.segmentValues![(n + i) % item.segmentValues!.length];
    });
    return JSON.stringify({ answers, language: 'fi' });
  });
}

// Unmeasured requests first, so both servers are measured with their code compiled by the JIT.
const WARM_UP = 1000;

/** Valid submissions, each with its own invitation, against the real server; and a minimal insert endpoint on the same settings. */
export async function benchSubmissions(count = Number(process.env.BENCH_SUBMISSIONS ?? 5000)) {
  const dir = mkdtempSync(join(tmpdir(), 'vp-bench-submit-'));
  const servers: ChildProcess[] = [];
  try {
    // Segments multiply the tally rows each response adds to (the totals plus one group per segment answered).
    const withSegments = await prepare(`file:${join(dir, 'app.db')}`, WARM_UP + count, true);
    const withoutSegments = await prepare(`file:${join(dir, 'app.db')}`, count, false);
    const bodies = answerBodies(loadCatalogue().find('network-rules', 1)!, 50);
    const body = (i: number) => bodies[i % bodies.length]!;
    const app = await start(['src/index.ts'], { PORT: '0', DATABASE_URL: `file:${join(dir, 'app.db')}`, SECRET_KEY, LOG_LEVEL: 'silent' }, /open (http:\/\/127\.0\.0\.1:\d+)/);
    servers.push(app.child);
    await load(app.url, app.child.pid!, WARM_UP, (i) => `/a/${withSegments[i]}/submit`, body);
    const real = await load(app.url, app.child.pid!, count, (i) => `/a/${withSegments[WARM_UP + i]}/submit`, body);
    const plain = await load(app.url, app.child.pid!, count, (i) => `/a/${withoutSegments[i]}/submit`, body);
    const rss = peakRss(app.child.pid!);
    const minimal = await start(['bench/minimal-insert-server.ts', `file:${join(dir, 'minimal.db')}`], {}, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    servers.push(minimal.child);
    await load(minimal.url, minimal.child.pid!, WARM_UP, () => '/insert', body);
    const yardstick = await load(minimal.url, minimal.child.pid!, count, () => '/insert', body);
    const line = (r: typeof real) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (${r.ok} ok, ${r.errors} not), server CPU ${(100 * r.cpu).toFixed(0)}%`;
    return {
      [`submissions, segments (${count}, ${CONNECTIONS} conn.)`]: line(real),
      [`submissions, no segments (${count}, ${CONNECTIONS} conn.)`]: line(plain),
      'minimal hono + one INSERT, same settings': line(yardstick),
      'submissions / minimal insert': `${(real.rps / yardstick.rps).toFixed(2)} with segments, ${(plain.rps / yardstick.rps).toFixed(2)} without`,
      'server peak RSS during submissions': rss,
    };
  } finally {
    for (const child of servers) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
