import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stageBuiltInstall } from '../test/helpers/built-server.js';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const SETTLE_MS = 3000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resident memory now and at its peak, in MiB, and the CPU time used so far, in ms, from Linux's
 * /proc. CPU time varies less than the wall clock when other work shares the cores.
 */
function usage(pid: number): { rss: number; peak: number; cpu: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))![1]);
  // Fields 14 and 15 (user and system time, in ticks of 10 ms) follow the command name in parentheses.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024, cpu: (Number(fields[11]) + Number(fields[12])) * 10 };
}

/** From spawn to the first 200 from /healthz, polled every 5 ms; then the process's memory and CPU time, and its memory once settled. */
type StartFigures = { ms: number; rss: number; peak: number; cpu: number; settled: number };

async function startOnce(command: string[], cwd: string): Promise<StartFigures> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd, env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}: ${errors}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) {
        const ready = { ms: performance.now() - started, ...usage(child.pid!) };
        // Start-up leaves garbage that the collector returns within seconds; the settled size is what the server keeps.
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        return { ...ready, settled: usage(child.pid!).rss };
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(command: string[], fresh: boolean) {
  const cwd = mkdtempSync(join(tmpdir(), 'vp-bench-start-'));
  try {
    // Without `fresh`, one unmeasured start makes the database, so the measured ones open it.
    if (!fresh) await startOnce(command, cwd);
    const runs: StartFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (fresh) rmSync(join(cwd, 'data'), { recursive: true, force: true });
      runs.push(await startOnce(command, cwd));
    }
    const of = (key: keyof StartFigures) => median(runs.map((run) => run[key])).toFixed(0);
    return `${of('ms')} ms, CPU ${of('cpu')} ms, RSS ${of('rss')} MiB, ${SETTLE_MS / 1000} s later ${of('settled')} MiB (medians of ${RUNS})`;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Start-up of the built server, as npm start runs it on production packages alone, against the sources under tsx. */
export async function benchStartup(): Promise<Record<string, string>> {
  const install = await stageBuiltInstall();
  try {
    const built = [process.execPath, join(install.root, 'dist/index.js')];
    // Resolved here: the working directory of the measured process has no node_modules.
    const sources = [process.execPath, '--import', import.meta.resolve('tsx'), join(import.meta.dirname, '../src/index.ts')];
    // Unmeasured: the first start after the build reads every file from disk.
    await measure(built, true);
    return {
      'start, built, existing database': await measure(built, false),
      'start, built, new database': await measure(built, true),
      'start, sources under tsx, existing database': await measure(sources, false),
    };
  } finally {
    install.dispose();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, figure] of Object.entries(await benchStartup())) console.log(`  ${name.padEnd(44)} ${figure}`);
}
