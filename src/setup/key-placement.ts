import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError, type Config } from '../config.js';
import { databaseFilePath } from '../db/client.js';

/*
 * Whoever holds the database and the key can recompute every answer link
 * (rounds/invitation-links.ts). So the key file's directory and the places
 * where the data and its backups lie must be apart - neither inside the
 * other - and copying one never copies the other.
 */

export class KeyPlacementError extends ConfigError {}

/** The absolute path with the symlinks of its existing part resolved, so a link into ./data is seen for what it is. */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

function inside(child: string, dir: string): boolean {
  const path = relative(dir, child);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

const apart = (a: string, b: string) => !inside(a, b) && !inside(b, a);

const ALTERNATIVES = 'Put SECRET_KEY_FILE on another volume (the default is ./keys/secret.key), or give the key through SECRET_KEY.';

/** At start, when the key comes from SECRET_KEY_FILE: the key's directory is apart from the database's and from BACKUP_DIR. */
export function assertKeyApartFromData(config: Pick<Config, 'secretKeyFile' | 'databaseUrl' | 'backupDir'>): void {
  const keyDir = realPath(dirname(config.secretKeyFile));
  const databaseFile = databaseFilePath(config.databaseUrl);
  if (databaseFile && !apart(keyDir, realPath(dirname(databaseFile)))) {
    throw new KeyPlacementError(
      `SECRET_KEY_FILE (${config.secretKeyFile}) and the database of DATABASE_URL (${databaseFile}) must lie in separate directories, neither inside the other: a copy of the data folder would otherwise carry the key that recomputes every answer link. ${ALTERNATIVES}`,
    );
  }
  if (!apart(keyDir, realPath(config.backupDir))) {
    throw new KeyPlacementError(
      `SECRET_KEY_FILE (${config.secretKeyFile}) and BACKUP_DIR (${config.backupDir}) must lie in separate directories, neither inside the other: a copy of the backups would otherwise carry the key that recomputes every answer link. ${ALTERNATIVES}`,
    );
  }
}

/** Before a backup, when the key comes from SECRET_KEY_FILE: the backup's directory and the key's are apart too. */
export function assertBackupApartFromKey(target: string, config: Pick<Config, 'secretKey' | 'secretKeyFile'>): void {
  if (config.secretKey || apart(realPath(dirname(target)), realPath(dirname(config.secretKeyFile)))) return;
  throw new KeyPlacementError(
    `The backup ${target} and SECRET_KEY_FILE (${config.secretKeyFile}) must lie in separate directories, neither inside the other: a copy of the backups would otherwise carry the key. Choose another file or BACKUP_DIR, or move the key.`,
  );
}
