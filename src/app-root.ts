import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, surveys/, migrations/ and public/. Found by walking up from
 * this code's own file rather than by a fixed `../..`: run from src/ under tsx this file is
 * src/app-root.ts, bundled it is somewhere in dist/, and the number of levels differs.
 * Not the working directory: the data paths in the configuration are relative to that, the
 * application's own files are not.
 */
function findAppRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}: the application's files (surveys/, migrations/, public/) cannot be found.`);
  }
}

export const APP_ROOT = findAppRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the application's own files, e.g. appPath('migrations'). */
export function appPath(...parts: string[]): string {
  return join(APP_ROOT, ...parts);
}
