import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { assertBackupApartFromKey, KeyPlacementError } from '../../src/setup/key-placement.js';
import { resolveSecretKey } from '../../src/setup/secret-key.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
function tempDir(): string {
  dir = mkdtempSync(join(tmpdir(), 'vp-key-'));
  return dir;
}

const configIn = (root: string, env: Record<string, string>) =>
  parseConfig({ PORT: '0', DATABASE_URL: `file:${join(root, 'data', 'db.sqlite')}`, BACKUP_DIR: join(root, 'backups'), ...env });

describe('the secret key file is kept apart from the data and the backups', () => {
  it.each([
    ['inside the data directory', 'data/secret.key', /SECRET_KEY_FILE .* and the database of DATABASE_URL .* must lie in separate directories/],
    ['in a directory holding the data', 'secret.key', /SECRET_KEY_FILE .* and the database of DATABASE_URL/],
    ['inside the backup directory', 'backups/keys/secret.key', /SECRET_KEY_FILE .* and BACKUP_DIR .* must lie in separate directories/],
  ])('refuses to start with the key file %s, before it opens the database or writes a key', async (_where, keyPath, message) => {
    const root = tempDir();
    const config = configIn(root, { SECRET_KEY_FILE: join(root, keyPath) });
    await expect(startServer(config, { log: silentLogger })).rejects.toThrow(KeyPlacementError);
    await expect(startServer(config, { log: silentLogger })).rejects.toThrow(message);
    expect(existsSync(join(root, keyPath))).toBe(false);
    expect(existsSync(join(root, 'data', 'db.sqlite'))).toBe(false);
  });

  it('sees through a symbolic link that leads the key directory into the data', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'data', 'hidden'), { recursive: true });
    symlinkSync(join(root, 'data', 'hidden'), join(root, 'keys'));
    const config = configIn(root, { SECRET_KEY_FILE: join(root, 'keys', 'secret.key') });
    await expect(startServer(config, { log: silentLogger })).rejects.toThrow(/DATABASE_URL/);
  });

  it('does not look at the key file when SECRET_KEY gives the key', async () => {
    const root = tempDir();
    const config = configIn(root, { SECRET_KEY_FILE: join(root, 'data', 'secret.key'), SECRET_KEY: 'k'.repeat(40) });
    const server = await startServer(config, { log: silentLogger });
    await server.stop();
    expect(existsSync(join(root, 'data', 'secret.key'))).toBe(false);
  });

  it('refuses a backup written into or above the key directory', () => {
    const root = tempDir();
    const config = configIn(root, { SECRET_KEY_FILE: join(root, 'keys', 'secret.key') });
    expect(() => assertBackupApartFromKey(join(root, 'keys', 'copy.db'), config)).toThrow(/The backup .*copy\.db and SECRET_KEY_FILE .* must lie in separate directories/);
    expect(() => assertBackupApartFromKey(join(root, 'copy.db'), config)).toThrow(KeyPlacementError);
    expect(() => assertBackupApartFromKey(join(root, 'backups', 'copy.db'), config)).not.toThrow();
    expect(() => assertBackupApartFromKey(join(root, 'keys', 'copy.db'), { ...config, secretKey: 'k'.repeat(40) })).not.toThrow();
  });

  it('stops rather than make a new key when the key is still where earlier versions put it', () => {
    const root = tempDir();
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'secret.key'), `${'e'.repeat(64)}\n`);
    const previous = process.cwd();
    process.chdir(root);
    try {
      // The defaults: ./keys/secret.key, ./data/verkostopulssi.db, ./data/backups.
      const config = parseConfig({});
      expect(() => resolveSecretKey(config)).toThrow(/at \.\/data\/secret\.key.*mv data\/secret\.key keys\/secret\.key/);
      expect(existsSync('keys/secret.key')).toBe(false);
      mkdirSync('keys');
      writeFileSync('keys/secret.key', `${'e'.repeat(64)}\n`);
      rmSync('data/secret.key');
      expect(resolveSecretKey(config)).toBe('e'.repeat(64));
    } finally {
      process.chdir(previous);
    }
  });
});
