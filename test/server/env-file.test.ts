import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration from a .env file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vp-env-'));
    // Vitest sets BASE_URL=/ in the environment of every test, as Vite does for its bundles.
    for (const name of ['BASE_URL', 'PORT', 'MAIL_FROM', 'LOG_LEVEL']) vi.stubEnv(name, undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
  const envFile = (content: string) => {
    const path = join(dir, '.env');
    writeFileSync(path, content);
    return path;
  };

  it('takes its values, quoted and commented as .env files are written', () => {
    const config = loadConfig(envFile('# Pulssi\nPORT=8081\nMAIL_FROM="Pulssi <pulssi@kunta.example>"\nexport LOG_LEVEL=silent\n'));
    expect(config).toMatchObject({ port: 8081, mailFrom: 'Pulssi <pulssi@kunta.example>', logLevel: 'silent' });
  });

  it('is optional: without the file the defaults hold', () => {
    expect(loadConfig(join(dir, 'none', '.env')).port).toBe(3000);
  });

  it('gives way to a variable set in the environment, but not to an empty one', () => {
    vi.stubEnv('PORT', '9090');
    vi.stubEnv('LOG_LEVEL', '');
    const config = loadConfig(envFile('PORT=8081\nLOG_LEVEL=silent\n'));
    expect(config).toMatchObject({ port: 9090, logLevel: 'silent' });
  });

  it('stops on a bad value with the variable and the file named', () => {
    const path = envFile('PORT=eighty\n');
    expect(() => loadConfig(path)).toThrow(ConfigError);
    expect(() => loadConfig(path)).toThrow(`PORT (in ${path}): `);
    // The same bad value from the environment is named as a variable alone.
    vi.stubEnv('PORT', 'eighty');
    expect(() => loadConfig(path)).toThrow(/\n {2}PORT: /);
  });

  it('stops with a plain message when the file cannot be read', () => {
    const path = join(dir, '.env');
    // A folder in its place gives the same error an unreadable file does, also as root.
    mkdirSync(path);
    expect(() => loadConfig(path)).toThrow(new RegExp(`${path} could not be read`));
  });
});
