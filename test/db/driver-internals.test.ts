import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import {
  ConnectionPool,
  DriverMismatchError,
  missingClientInternals,
  missingConnectionInternals,
  type LibsqlConnection,
} from '../../src/db/driver-internals.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vp-driver-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the @libsql/client internals the embedded layer relies on', () => {
  it('are all present in the installed driver', () => {
    expect(missingClientInternals()).toEqual([]);
    const connection = new Database(join(tempDir(), 'db.sqlite'));
    try {
      expect(missingConnectionInternals(connection)).toEqual([]);
    } finally {
      connection.close();
    }
  });

  it('stop the start with a message naming what is missing and what to do, when a release removed one', async () => {
    const removed = ConnectionPool.prototype.release;
    // As a driver release that renamed the method would leave it.
    delete (ConnectionPool.prototype as Partial<ConnectionPool>).release;
    try {
      const opening = openDatabase(`file:${join(tempDir(), 'db.sqlite')}`);
      await expect(opening).rejects.toThrow(DriverMismatchError);
      await expect(opening).rejects.toThrow(/ConnectionPool\.prototype\.release\(\).*npm ci.*"Database layer" in README\.md/s);
    } finally {
      ConnectionPool.prototype.release = removed;
    }
  });

  it('name the members a native connection lacks', () => {
    const connection = new Database(join(tempDir(), 'db.sqlite'));
    try {
      const renamed = Object.assign(Object.create(connection) as LibsqlConnection, { prepare: undefined });
      expect(missingConnectionInternals(renamed)).toEqual(['connection.prepare()']);
    } finally {
      connection.close();
    }
  });

  it('are checked before anything else is done with a file', async () => {
    const removed = ConnectionPool.prototype.acquireSync;
    delete (ConnectionPool.prototype as Partial<ConnectionPool>).acquireSync;
    const dir = tempDir();
    try {
      await expect(openDatabase(`file:${join(dir, 'nested', 'db.sqlite')}`)).rejects.toThrow(/ConnectionPool\.prototype\.acquireSync\(\)/);
      expect(existsSync(join(dir, 'nested'))).toBe(false);
    } finally {
      ConnectionPool.prototype.acquireSync = removed;
    }
  });

  it('are seen in use: a client that opened connections past the configuring pool is refused', async () => {
    const path = join(tempDir(), 'db.sqlite');
    const acquire = ConnectionPool.prototype.acquire;
    // As a release whose client no longer borrowed through acquireSync() would behave: fresh, unconfigured connections.
    ConnectionPool.prototype.acquire = async () => new Database(path);
    try {
      await expect(openDatabase(`file:${path}`)).rejects.toThrow(/Sqlite3Client borrowing its connections through ConnectionPool\.acquireSync\(\)/);
    } finally {
      ConnectionPool.prototype.acquire = acquire;
    }
  });
});
