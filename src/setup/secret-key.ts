import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The configured SECRET_KEY, or else a key generated on first start into a
 * file beside the data (never into the database: a copy of the database
 * alone must not be enough to recompute or test answer links).
 */
export function resolveSecretKey(configured: string | undefined, keyFile: string): string {
  if (configured) return configured;
  if (existsSync(keyFile)) {
    const key = readFileSync(keyFile, 'utf8').trim();
    if (key.length >= 32) return key;
    throw new Error(`${keyFile} holds no usable secret key (at least 32 characters); remove it to generate a new one, which breaks every link already sent.`);
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
