import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildServer } from '../../scripts/build.js';
import { buildClient, CLIENT_BUILD_DIR, MANIFEST } from '../../scripts/build-client.js';

const repo = resolve(import.meta.dirname, '../..');

export type BuiltInstall = { root: string; packages: string[]; dispose: () => void };

/**
 * The server built into a fresh folder laid out as the container's runtime stage is: package.json,
 * surveys/, migrations/, public/ and dist/, with node_modules holding only what `npm ci --omit=dev`
 * installs from the lock file (linked from this clone's node_modules), so a build that needs a dev
 * package at run time fails here.
 */
export async function stageBuiltInstall(): Promise<BuiltInstall> {
  const root = mkdtempSync(join(tmpdir(), 'vp-built-'));
  for (const name of ['package.json', 'surveys', 'migrations', 'public']) symlinkSync(join(repo, name), join(root, name));
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [path, entry] of Object.entries(lock.packages)) {
    // Top-level packages only: nested ones come with the folder of the package that holds them.
    if (!path.startsWith('node_modules/') || path.lastIndexOf('node_modules/') !== 0 || entry.dev) continue;
    // Optional packages for other platforms are in the lock but not installed.
    if (!existsSync(join(repo, path))) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(join(repo, path), join(root, path));
  }
  const { packages } = await buildServer(join(root, 'dist'));
  // `npm test` builds the bundles first; a lone run of one test file builds them here.
  if (!existsSync(join(CLIENT_BUILD_DIR, MANIFEST))) await buildClient(() => {});
  return { root, packages, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export type StartedServer = { child: ChildProcess; url: string; stop: () => Promise<void> };

/** Only what the caller gives: none of this process's environment (vitest's BASE_URL, NODE_OPTIONS) reaches the server. */
function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env };
}

/** Runs `command` (e.g. node dist/index.js, from the start script) and waits for the address it prints. */
export function startBuilt(command: string[], options: { cwd: string; env: Record<string, string>; timeoutMs?: number }): Promise<StartedServer> {
  const child = spawn(command[0]!, command.slice(1), { cwd: options.cwd, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // SIGKILL: a graceful stop would wait for the test's kept-alive connections to time out; the shutdown has tests of its own.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`no address printed within ${options.timeoutMs ?? 15_000} ms: ${output}`));
    }, options.timeoutMs ?? 15_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Verkostopulssi is running: open (\S+)/);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1]!, stop });
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
}

/** Runs a command that should stop by itself (killed after 15 s); its exit code and everything it printed. */
export function runBuilt(command: string[], options: { cwd: string; env: Record<string, string> }): Promise<{ code: number | null; output: string }> {
  const child = spawn(command[0]!, command.slice(1), { cwd: options.cwd, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, output })));
}

/** The scripts of package.json, as npm runs them. */
export function packageScripts(): Record<string, string> {
  return (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
}
