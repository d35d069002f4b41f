import { ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';
import { expandConfig } from '@libsql/core/config';

/*
 * The embedded database builds on parts of @libsql/client that are marked
 * private, because its public API has no hook for settings on each pooled
 * connection and no reuse of prepared statements:
 * - ConnectionPool, subclassed so that every connection it opens is set up once;
 * - Sqlite3Client, built over that pool (the public createClient builds its own);
 * - expandConfig from @libsql/core, to read a file: URL the way the client does;
 * - the native libsql connection's prepare() and a statement's columns(),
 *   replaced per connection (see kept-statements.ts).
 * Any release may change them, hence the exact version pin in package.json. This
 * module names them in one place and checks at start that they are still there.
 */
export { ConnectionPool, Sqlite3Client, expandConfig };
export type LibsqlConnection = ReturnType<ConnectionPool['acquireSync']>;
export type LibsqlStatement = ReturnType<LibsqlConnection['prepare']>;

export class DriverMismatchError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `The embedded database driver (@libsql/client) lacks what this server relies on: ${missing.join('; ')}. ` +
        'Install the exact version that package.json pins with "npm ci". If you upgraded it on purpose, ' +
        'see "Database layer" in README.md for what to check and adapt src/db/driver-internals.ts.',
    );
    this.name = 'DriverMismatchError';
  }
}

const missingMethods = (what: string, target: unknown, names: readonly string[]) =>
  names.filter((name) => typeof (target as Record<string, unknown> | undefined)?.[name] !== 'function').map((name) => `${what}.${name}()`);

/** The classes and functions imported from the client, by the shape this layer uses. */
export function missingClientInternals(): string[] {
  return [
    ...(typeof ConnectionPool === 'function' ? missingMethods('ConnectionPool.prototype', ConnectionPool.prototype, ['acquire', 'acquireSync', 'release', 'close']) : ['ConnectionPool']),
    ...(typeof Sqlite3Client === 'function'
      ? missingMethods('Sqlite3Client.prototype', Sqlite3Client.prototype, ['execute', 'batch', 'migrate', 'transaction', 'executeMultiple', 'close'])
      : ['Sqlite3Client']),
    ...(typeof expandConfig === 'function' ? [] : ['expandConfig']),
  ];
}

/** A native connection and one of its statements, by the members this layer replaces or reads. */
export function missingConnectionInternals(connection: LibsqlConnection): string[] {
  const missing = missingMethods('connection', connection, ['prepare', 'exec']);
  if (typeof connection.inTransaction !== 'boolean') missing.push('connection.inTransaction');
  if (missing.length > 0) return missing;
  const statement = connection.prepare('SELECT 1');
  return missingMethods('statement', statement, ['columns', 'raw', 'safeIntegers', 'all', 'run']);
}

export function assertNothingMissing(missing: readonly string[]): void {
  if (missing.length > 0) throw new DriverMismatchError(missing);
}
