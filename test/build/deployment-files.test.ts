import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_BUILD_DIR } from '../../scripts/build.js';
import { CLIENT_BUILD_DIR } from '../../scripts/build-client.js';
import { CONFIG_VARIABLES, parseConfig } from '../../src/config.js';
import { databaseFilePath } from '../../src/db/client.js';
import { assertKeyApartFromData } from '../../src/setup/key-placement.js';
import { createTestApp } from '../helpers/app.js';
import { packageScripts } from '../helpers/built-server.js';

// No container runtime or systemd here: these check what the files promise against the code they deploy.

type Instruction = { name: string; args: string };
/** Dockerfile instructions per stage, continuation lines joined, comments dropped. */
function dockerStages(text: string): Instruction[][] {
  const stages: Instruction[][] = [];
  for (const line of text.replace(/\\\n\s*/g, ' ').split('\n')) {
    const match = line.trim().match(/^([A-Z]+)\s+(.*)$/);
    if (!match) continue;
    if (match[1] === 'FROM') stages.push([]);
    stages.at(-1)!.push({ name: match[1]!, args: match[2]! });
  }
  return stages;
}
const all = (stage: Instruction[], name: string) => stage.filter((i) => i.name === name).map((i) => i.args);
/** COPY's sources and target, `--from=…` kept apart. */
function copies(stage: Instruction[]) {
  return all(stage, 'COPY').map((args) => {
    const words = args.split(/\s+/);
    const from = words[0]!.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
    return { from, sources: words.slice(0, -1), target: words.at(-1)! };
  });
}
const dockerEnv = (stage: Instruction[]) => Object.fromEntries(all(stage, 'ENV').flatMap((args) => args.split(/\s+/).map((pair) => pair.split('=') as [string, string])));
/** A systemd unit's settings, each name with all its values. */
function unitSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = line.match(/^([A-Za-z]+)=(.*)$/);
    if (match) settings.set(match[1]!, [...(settings.get(match[1]!) ?? []), match[2]!]);
  }
  return settings;
}
const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

const dockerfile = readFileSync('Dockerfile', 'utf8');
const [buildStage, runtimeStage] = dockerStages(dockerfile) as [Instruction[], Instruction[]];
const unit = unitSettings(readFileSync('deploy/verkostopulssi.service', 'utf8'));
const compose = readFileSync('compose.yaml', 'utf8');
const readme = readFileSync('README.md', 'utf8');

describe('Dockerfile', () => {
  let buildDir: string;
  let sources: string[];
  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'vp-dockerfile-'));
    ({ sources } = await buildServer(join(buildDir, 'dist')));
  });
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  it('has a build stage and a runtime stage on the same Node', () => {
    expect(dockerStages(dockerfile)).toHaveLength(2);
    expect(all(buildStage, 'FROM')[0]).toMatch(/^node:\d+-\S+ AS build$/);
    expect(all(runtimeStage, 'FROM')[0]).toBe(all(buildStage, 'FROM')[0]!.replace(/ AS build$/, ''));
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    const local = [...copies(buildStage), ...copies(runtimeStage)].filter((copy) => !copy.from).flatMap((copy) => copy.sources);
    expect(local.length).toBeGreaterThan(4);
    for (const source of local) {
      expect(existsSync(source), source).toBe(true);
      expect(ignored.filter((pattern) => inside(source, pattern)), source).toEqual([]);
      // Within a copied folder only the browser bundles may be left out: the build stage makes them anew.
      const leftOut = ignored.filter((pattern) => inside(pattern, source) && pattern !== source);
      expect(leftOut.filter((pattern) => pattern !== relative('.', CLIENT_BUILD_DIR)), source).toEqual([]);
    }
    for (const secret of ['.env', 'data', 'keys', 'node_modules']) expect(ignored).toContain(secret);
  });

  it('builds from everything the server is compiled from, and installs only production packages at run time', () => {
    const copied = copies(buildStage).flatMap((copy) => copy.sources);
    // The bundler reads tsconfig.json for the JSX settings; without it every page would break at run time.
    for (const needed of [...sources, 'tsconfig.json', 'package-lock.json']) expect(copied).toContain(needed);
    expect(all(buildStage, 'RUN')).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(all(runtimeStage, 'RUN')[0]).toMatch(/^npm ci --omit=dev /);
    // The runtime stage takes the build's output from where the build writes it.
    const fromBuild = copies(runtimeStage).filter((copy) => copy.from === 'build');
    const workdir = all(buildStage, 'WORKDIR')[0]!;
    expect(fromBuild.flatMap((copy) => copy.sources).sort()).toEqual([posix.join(workdir, relative('.', SERVER_BUILD_DIR)), posix.join(workdir, relative('.', dirname(CLIENT_BUILD_DIR)))].sort());
    for (const needed of ['surveys', 'migrations']) expect(copies(runtimeStage).flatMap((copy) => copy.sources)).toContain(needed);
  });

  it('starts as npm start does, as a user other than root, listening on all interfaces', () => {
    expect(JSON.parse(all(runtimeStage, 'CMD')[0]!)).toEqual(packageScripts().start!.split(' '));
    expect(all(runtimeStage, 'USER')).toEqual(['node']);
    expect(dockerEnv(runtimeStage)).toMatchObject({ HOST: '0.0.0.0' });
    expect(all(runtimeStage, 'EXPOSE')).toEqual([dockerEnv(runtimeStage).PORT]);
  });

  it('keeps the data and the key on two separate volumes, which compose mounts', () => {
    const volumes = JSON.parse(all(runtimeStage, 'VOLUME')[0]!) as string[];
    const config = parseConfig({ ...dockerEnv(runtimeStage), MAIL_MODE: 'outbox' });
    const volumeOf = (path: string) => volumes.filter((volume) => inside(path, volume));
    const [dataVolume] = volumeOf(databaseFilePath(config.databaseUrl)!);
    expect(volumeOf(config.backupDir)).toEqual([dataVolume]);
    const [keyVolume] = volumeOf(config.secretKeyFile);
    expect(dataVolume && keyVolume && dataVolume !== keyVolume).toBe(true);
    expect(() => assertKeyApartFromData(config)).not.toThrow();
    const mounted = [...compose.matchAll(/^\s+- (\w+):(\/\S+)$/gm)].map((match) => match[2]);
    expect(mounted.sort()).toEqual(volumes.sort());
  });

  it('checks its health with node on a path the app serves, whose HSTS header the README names', async () => {
    const healthcheck = all(runtimeStage, 'HEALTHCHECK')[0]!;
    const command = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4)) as string[];
    expect(command[0]).toBe('node');
    expect(healthcheck).not.toMatch(/curl|wget/);
    const path = command.join(' ').match(/http:\/\/127\.0\.0\.1:\$\{process\.env\.PORT\}(\/[\w-]*)/)![1]!;
    const { app, database } = await createTestApp();
    try {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      // The proxy section tells what the server sends itself, so that the proxy can replace it.
      expect(readme).toContain(`the server already sends \`Strict-Transport-Security: ${response.headers.get('strict-transport-security')}\``);
    } finally {
      database.dispose();
    }
  });
});

describe('systemd unit', () => {
  it('runs the same start as npm start, from the install folder', () => {
    const [node, ...args] = unit.get('ExecStart')![0]!.split(' ');
    expect(node).toMatch(/^\/\S+\/node$/);
    expect(['node', ...args]).toEqual(packageScripts().start!.split(' '));
    expect(unit.get('WorkingDirectory')).toEqual(['/opt/verkostopulssi']);
    expect(unit.get('User')).not.toEqual(['root']);
  });

  it("passes systemd's own checks, with an exposure level systemd calls OK", () => {
    // ExecStart must name an existing node; it lies elsewhere on some machines.
    const dir = mkdtempSync(join(tmpdir(), 'vp-unit-'));
    try {
      const file = join(dir, 'verkostopulssi.service');
      writeFileSync(file, readFileSync('deploy/verkostopulssi.service', 'utf8').replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
      // An unknown or misspelt setting is only a warning on stderr, with exit code 0: there must be none.
      const verify = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8', timeout: 20_000 });
      expect({ status: verify.status, output: verify.stdout + verify.stderr }).toEqual({ status: 0, output: '' });
      const security = execFileSync('systemd-analyze', ['security', '--offline=yes', file], { encoding: 'utf8', timeout: 20_000 });
      const level = Number(security.match(/Overall exposure level for verkostopulssi\.service: ([\d.]+)/)![1]);
      expect(level).toBeLessThan(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is hardened, and may write only the data and the key folder of the configuration the README gives it', () => {
    for (const [name, value] of Object.entries({ NoNewPrivileges: 'yes', ProtectSystem: 'strict', ProtectHome: 'yes', PrivateTmp: 'yes', CapabilityBoundingSet: '' })) {
      expect(unit.get(name), name).toEqual([value]);
    }
    const block = readme.match(/```sh\n# \/opt\/verkostopulssi\/\.env\n([\s\S]*?)```/);
    expect(block, 'README: the .env block for systemd').not.toBeNull();
    const config = parseConfig(parseEnv(block![1]!));
    expect(() => assertKeyApartFromData(config)).not.toThrow();
    const writable = unit.get('ReadWritePaths')![0]!.split(' ');
    expect(writable).toHaveLength(2);
    expect(writable.filter((dir) => inside(databaseFilePath(config.databaseUrl)!, dir) && inside(config.backupDir, dir))).toHaveLength(1);
    expect(writable.filter((dir) => inside(config.secretKeyFile, dir))).toHaveLength(1);
  });
});

describe('configuration documents', () => {
  it('.env.example and the README table name every variable the configuration reads, and no other', () => {
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('### Growing past one machine'));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...CONFIG_VARIABLES].sort());
    const example = [...readFileSync('.env.example', 'utf8').matchAll(/^(?:# )?([A-Z_]+)=/gm)].map((match) => match[1]);
    expect([...new Set(example)].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('names the supported Node versions, and type-checks against the oldest', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };
    expect(pkg.engines.node).toBe('^20.19 || ^22.12 || >=24');
    expect(pkg.devDependencies['@types/node']).toMatch(/^\^20\./);
    expect(readme).toContain('Node.js 20.19, 22.12 or 24');
  });
});
