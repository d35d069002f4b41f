import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serverEntryPoints } from '../../scripts/build.js';
import { packageScripts, runBuilt, stageBuiltInstall, startBuilt, type BuiltInstall, type StartedServer } from '../helpers/built-server.js';

const manifest = () => JSON.parse(readFileSync('public/build/manifest.json', 'utf8')) as Record<string, string>;

/** The child processes of a running process, from Linux's /proc: tsx would have its esbuild service there. */
function childProcesses(pid: number): string[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
}

describe('the built server', () => {
  let install: BuiltInstall;
  const dirs: string[] = [];
  const servers: StartedServer[] = [];
  const workDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-built-run-'));
    dirs.push(dir);
    return dir;
  };
  /** The start script's command, with its file found in the install rather than the working directory. */
  const start = () => {
    const [node, entry] = packageScripts().start!.split(' ');
    return [node === 'node' ? process.execPath : node!, join(install.root, entry!)];
  };

  beforeAll(async () => {
    install = await stageBuiltInstall();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => install.dispose());

  it('is started by npm start with plain node and no build step', () => {
    expect(packageScripts().start).toBe('node dist/index.js');
  });

  it('imports only production dependencies, none of the build tools', () => {
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(install.packages.length).toBeGreaterThan(5);
    for (const name of install.packages) expect(Object.keys(dependencies), `${name} is imported at run time`).toContain(name);
    for (const tool of ['tsx', 'esbuild', 'typescript', 'vite', 'vitest']) expect(install.packages).not.toContain(tool);
  });

  it('runs on production dependencies from another working directory: /healthz, the hashed bundles, the data where configured', async () => {
    const cwd = workDir();
    const server = await startBuilt(start(), { cwd, env: { PORT: '0' } });
    servers.push(server);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Migrations applied, the catalogue loaded and public/ found from the install, not from the working directory.
    const bundle = await fetch(`${server.url}/static/build/${manifest()['answer.js']}`);
    expect(bundle.status).toBe(200);
    expect(existsSync(join(cwd, 'data', 'verkostopulssi.db'))).toBe(true);
    expect(existsSync(join(cwd, 'keys', 'secret.key'))).toBe(true);
    // Exactly node on the built file: no loader in its arguments, no compiler running beside it.
    const pid = server.child.pid!;
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)).toEqual(start());
    expect(childProcesses(pid)).toEqual([]);
  });

  it('takes a .env file in its working directory, with the environment winning', async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, '.env'), 'DATABASE_URL=file:./from-file/pulssi.db\nSECRET_KEY_FILE=./file-keys/secret.key\n');
    const server = await startBuilt(start(), { cwd, env: { PORT: '0', DATABASE_URL: 'file:./from-environment/pulssi.db' } });
    servers.push(server);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(existsSync(join(cwd, 'from-environment', 'pulssi.db'))).toBe(true);
    expect(existsSync(join(cwd, 'from-file'))).toBe(false);
    expect(existsSync(join(cwd, 'file-keys', 'secret.key'))).toBe(true);
    expect(existsSync(join(cwd, 'keys'))).toBe(false);
  });

  it('stops at once on a bad value in .env, naming the variable', async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, '.env'), 'PORT=kolmetuhatta\n');
    const { code, output } = await runBuilt(start(), { cwd, env: {} });
    expect(code).toBe(1);
    expect(output).toMatch(/^Invalid configuration:\n {2}PORT \(in \.env\): /);
    expect(output).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });

  it('finds its own files only through src/app-root.ts: a path relative to a module moves when bundled', () => {
    const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !file.startsWith('client'));
    const relative = sources.filter((file) => /new URL\(\s*['"`]\.|import\.meta\.(dirname|filename)/.test(readFileSync(join('src', file), 'utf8')));
    expect(relative).toEqual([]);
  });

  it('builds every operator script, and npm runs each one built', () => {
    const scripts = packageScripts();
    for (const name of Object.keys(serverEntryPoints())) {
      expect(existsSync(join(install.root, 'dist', `${name}.js`))).toBe(true);
      if (name !== 'index') expect(scripts[name], `npm run ${name}`).toBe(`node dist/${name}.js`);
    }
    expect(Object.keys(serverEntryPoints())).toEqual(expect.arrayContaining(['index', 'demo', 'backup', 'outbox']));
  });
});
