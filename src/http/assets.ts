import { existsSync, readFileSync } from 'node:fs';
import { appPath } from '../app-root.js';

/** Served under /static/; found from the application's folder, not the working directory. */
export const PUBLIC_DIR = appPath('public');
const MANIFEST_FILE = appPath('public', 'build', 'manifest.json');
const BUILD_URL = '/static/build/';
/** Built names carry an 8-character content hash, so their content never changes under that name. */
export const HASHED_ASSET = /-[A-Za-z0-9_-]{8}\.(js|css)(\.br|\.gz)?$/;
export const SOURCE_MAP = /\.map(\.br|\.gz)?$/;

let manifest: Record<string, string> | undefined;

/** The content-hashed URL of a built asset; the logical one when nothing is built yet. */
export function assetUrl(href: string): string {
  if (!href.startsWith(BUILD_URL)) return href;
  manifest ??= existsSync(MANIFEST_FILE) ? (JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Record<string, string>) : {};
  const hashed = manifest[href.slice(BUILD_URL.length)];
  return hashed ? `${BUILD_URL}${hashed}` : href;
}
