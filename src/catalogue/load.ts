import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appPath } from '../app-root.js';
import { CatalogueError, type Catalogue, type QuestionnaireVersion, type VersionList } from './types.js';
import { validateSurvey } from './validate.js';

export const DEFAULT_SURVEYS_DIR = appPath('surveys');

const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FILE_PATTERN = /^v([1-9][0-9]*)\.json$/;

/** Key order and white space are not content: hash a canonical form so reformatting is not a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(json: unknown): string {
  return createHash('sha256').update(canonical(json)).digest('hex');
}

function loadVersion(dir: string, key: string, fileName: string, version: number): QuestionnaireVersion {
  const file = `${key}/${fileName}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, key, fileName), 'utf8'));
  } catch (error) {
    throw new CatalogueError(file, 'not_json', { detail: (error as Error).message });
  }
  return shippedVersion(key, version, json, file);
}

/** A shipped version from its JSON: checked, hashed, numbered by its file. */
export function shippedVersion(key: string, version: number, json: unknown, file = `${key}/v${version}.json`): QuestionnaireVersion {
  const validated = validateSurvey(json, file);
  return { key, version, owner: null, label: String(version), file, hash: contentHash(json), json: json as Record<string, unknown>, ...validated };
}

/** Shipped files are numbered below this; a network's published versions from it up, so they never collide. */
export const FIRST_OWNED_VERSION = 1001;

const byKeyAndVersion = (a: QuestionnaireVersion, b: QuestionnaireVersion) => a.key.localeCompare(b.key) || a.version - b.version;

function listOf(versions: QuestionnaireVersion[]): VersionList {
  return {
    versions,
    find: (key, version) => versions.find((v) => v.key === key && v.version === version),
    keys: () => [...new Set(versions.map((v) => v.key))],
    versionsOf: (key) => versions.filter((v) => v.key === key),
  };
}

/** A catalogue of the shipped versions given; each call makes its own, so networks' versions added to one stay there. */
export function buildCatalogue(shipped: QuestionnaireVersion[]): Catalogue {
  const files = [...shipped].sort(byKeyAndVersion);
  const owned: QuestionnaireVersion[] = [];
  let lastOwnedId = 0;
  return {
    ...listOf(files),
    find: (key, version) => files.find((v) => v.key === key && v.version === version) ?? owned.find((v) => v.key === key && v.version === version),
    forNetwork: (networkId) => listOf([...files, ...owned.filter((v) => v.owner?.networkId === networkId)].sort(byKeyAndVersion)),
    addOwned: (version) => {
      if (!version.owner) throw new Error('only a network’s own version can be added');
      if (owned.some((v) => v.owner!.ownedId === version.owner!.ownedId)) return;
      owned.push(version);
      lastOwnedId = Math.max(lastOwnedId, version.owner.ownedId);
    },
    lastOwnedId: () => lastOwnedId,
  };
}

/** Loads and validates every surveys/<key>/v<N>.json; the first problem stops it with a message naming the file. */
export function loadCatalogue(dir: string = DEFAULT_SURVEYS_DIR): Catalogue {
  const versions: QuestionnaireVersion[] = [];
  for (const key of readdirSync(dir).sort()) {
    if (!statSync(join(dir, key)).isDirectory()) continue;
    if (!KEY_PATTERN.test(key)) throw new CatalogueError(key, 'folder_name');
    for (const fileName of readdirSync(join(dir, key)).sort()) {
      const match = FILE_PATTERN.exec(fileName);
      if (!match) throw new CatalogueError(`${key}/${fileName}`, 'file_name');
      if (Number(match[1]) >= FIRST_OWNED_VERSION) throw new CatalogueError(`${key}/${fileName}`, 'file_number', { first: FIRST_OWNED_VERSION });
      versions.push(loadVersion(dir, key, fileName, Number(match[1])));
    }
  }
  if (versions.length === 0) throw new CatalogueError(dir, 'no_questionnaires');
  return buildCatalogue(versions);
}
