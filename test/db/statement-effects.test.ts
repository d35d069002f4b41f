import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStatementKeeper } from '../../src/db/kept-statements.js';

// SQLite's answer on a real connection, for texts a pattern over the SQL gets wrong one way or the other.
const TRICKY: [sql: string, writes: boolean, changesSchema: boolean][] = [
  ['SELECT 1', false, false],
  ['select x from t', false, false],
  ['SELECT * FROM v', false, false],
  ['  \n\tSELECT count(*) FROM t', false, false],
  ['WITH a AS (SELECT 1) SELECT * FROM a', false, false],
  ['WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a', true, false],
  ['/* a comment first */ DELETE FROM t', true, false],
  ['-- a line comment\nupdate t set x = 2', true, false],
  ['INSERT INTO t VALUES (1) RETURNING x', true, false],
  ['insert or replace into t values (3)', true, false],
  ['REPLACE INTO t VALUES (3)', true, false],
  ['PRAGMA user_version', false, false],
  ['PRAGMA user_version = 3', true, false],
  ['PRAGMA foreign_keys = ON', false, false], // a setting of the connection, not of the file
  ['PRAGMA wal_checkpoint(TRUNCATE)', true, false],
  ['PRAGMA wal_checkpoint', true, false],
  ['PRAGMA incremental_vacuum', true, false],
  ['PRAGMA optimize', false, false],
  ['PRAGMA journal_mode = WAL', true, false],
  ['PRAGMA schema_version = 9', true, true],
  ["ATTACH ':memory:' AS other", false, false], // changes the connection, not the file
  ['VACUUM', true, false],
  ["VACUUM INTO '/nonexistent/copy.db'", true, false],
  ['BEGIN IMMEDIATE', true, false],
  ['CREATE TABLE w (z)', true, true],
  ['create index i on t (x)', true, true],
  ['/* migration */ ALTER TABLE t ADD COLUMN q', true, true],
  ['DROP TABLE u', true, true],
  ['CREATE TEMP TABLE tt (a)', true, true],
  ['CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END', true, true],
  ['SELECT 1; DELETE FROM t', false, false], // only the first statement is prepared, and run
  [';DELETE FROM t', true, true], // cannot be explained: unknown, so the worst case
  ['SELECT * FROM no_such_table', true, true],
  ['EXPLAIN SELECT 1', true, true],
];

let dir: string;
let connection: Database.Database;
let keeper: ReturnType<typeof createStatementKeeper>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vp-effects-'));
  connection = new Database(join(dir, 'db.sqlite'));
  connection.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x); CREATE TABLE u (y); CREATE VIEW v AS SELECT x FROM t');
  keeper = createStatementKeeper();
  keeper.keep(connection);
});
afterEach(() => {
  connection.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('what a statement does, asked of SQLite', () => {
  it.each(TRICKY)('%j: writes %s, changes the schema %s', (sql, writes, changesSchema) => {
    expect(keeper.effects(connection, sql)).toEqual({ writes, changesSchema });
  });

  it('is asked again after the schema changed: CREATE TABLE IF NOT EXISTS changes it only while the table is missing', () => {
    const create = 'CREATE TABLE IF NOT EXISTS t (x)';
    expect(keeper.effects(connection, create)).toEqual({ writes: true, changesSchema: false });
    connection.prepare('DROP TABLE t').run(); // through the keeper, which sees the schema change
    expect(keeper.effects(connection, create)).toEqual({ writes: true, changesSchema: true });
  });

  it('leaves no statement in progress: VACUUM and a journal mode change still run on that connection', () => {
    for (const [sql] of TRICKY) keeper.effects(connection, sql);
    expect(() => connection.exec('VACUUM')).not.toThrow();
    expect(() => connection.exec('PRAGMA journal_mode = DELETE')).not.toThrow();
  });

  it('is the worst case on a connection the keeper did not set up', () => {
    const other = new Database(join(dir, 'db.sqlite'));
    try {
      expect(keeper.effects(other, 'SELECT 2')).toEqual({ writes: true, changesSchema: true });
    } finally {
      other.close();
    }
  });
});
