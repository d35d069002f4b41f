import type { ConnectionPool } from '@libsql/client/sqlite3';

type LibsqlConnection = ReturnType<ConnectionPool['acquireSync']>;
type Statement = ReturnType<LibsqlConnection['prepare']>;

// Enough for every statement text the app runs; the bound keeps one-off texts from piling up.
const STATEMENTS_PER_CONNECTION = 200;
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * The client prepares every statement on every call and asks for its result
 * columns twice, which together cost more than running a short query. So the
 * connections of one pool keep their prepared statements, with the columns
 * read once; SQLite resets a statement after each run. A statement that
 * changes the schema, on any connection of the pool, makes every connection
 * prepare afresh, since a kept statement's columns may no longer be true.
 */
export function createStatementKeeper() {
  let schemaGeneration = 0;
  return function keepStatements(connection: LibsqlConnection): void {
    const prepare = connection.prepare.bind(connection);
    const kept = new Map<string, { statement: Statement; generation: number }>();
    connection.prepare = ((sql: string) => {
      if (SCHEMA_CHANGE.test(sql)) schemaGeneration++;
      const found = kept.get(sql);
      kept.delete(sql);
      if (found && found.generation === schemaGeneration) {
        kept.set(sql, found);
        return found.statement;
      }
      const statement = prepare(sql);
      const columns = statement.columns.bind(statement);
      let known: ReturnType<Statement['columns']> | undefined;
      statement.columns = () => (known ??= columns());
      kept.set(sql, { statement, generation: schemaGeneration });
      if (kept.size > STATEMENTS_PER_CONNECTION) kept.delete(kept.keys().next().value!);
      return statement;
    }) as LibsqlConnection['prepare'];
  };
}
