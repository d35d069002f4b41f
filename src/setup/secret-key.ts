import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_SECRET_KEY_FILE, type Config } from '../config.js';
import { assertKeyApartFromData, KeyPlacementError } from './key-placement.js';

/** Where versions before the key left ./data generated it. */
const EARLIER_DEFAULT_KEY_FILE = './data/secret.key';

/**
 * The configured SECRET_KEY, or else a key generated on first start into
 * SECRET_KEY_FILE, a directory apart from the data and its backups (never
 * into the database: a copy of the database alone must not be enough to
 * recompute or test answer links).
 */
export function resolveSecretKey(config: Pick<Config, 'secretKey' | 'secretKeyFile' | 'databaseUrl' | 'backupDir'>): string {
  if (config.secretKey) return config.secretKey;
  const keyFile = config.secretKeyFile;
  assertKeyApartFromData(config);
  if (existsSync(keyFile)) {
    const key = readFileSync(keyFile, 'utf8').trim();
    if (key.length >= 32) return key;
    throw new Error(`${keyFile} holds no usable secret key (at least 32 characters); remove it to generate a new one, which breaks every link already sent.`);
  }
  // A new key would break every link already sent with the earlier one: stop and say where it should go.
  if (keyFile === DEFAULT_SECRET_KEY_FILE && existsSync(resolve(EARLIER_DEFAULT_KEY_FILE))) {
    throw new KeyPlacementError(
      `The secret key is at ${EARLIER_DEFAULT_KEY_FILE}, inside the data directory, where earlier versions put it. Move it to the new default SECRET_KEY_FILE (mkdir -p keys && mv data/secret.key keys/secret.key), or set SECRET_KEY_FILE or SECRET_KEY.`,
    );
  }
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
