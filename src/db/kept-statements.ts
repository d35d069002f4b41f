import type { LibsqlConnection, LibsqlStatement } from './driver-internals.js';
import { explainOn, UNKNOWN_EFFECTS, type StatementEffects } from './statement-effects.js';

// Enough for every statement text the app runs; the bounds keep one-off texts from piling up.
const STATEMENTS_PER_CONNECTION = 200;
const EXPLAINED_TEXTS = 500;
// Any read of the file makes SQLite compare the schema cookie and, if it moved, load the new schema.
const SCHEMA_CATCH_UP = 'SELECT 1 FROM sqlite_schema LIMIT 1';

type Kept = { statement: LibsqlStatement; generation: number; changesSchema: boolean };
type Explained = { effects: StatementEffects; generation: number };

/**
 * The client prepares every statement on every call and asks for its result
 * columns twice, which together cost more than running a short query. So the
 * connections of one pool keep their prepared statements, with the columns
 * read once; SQLite resets a statement after each run. A statement that
 * changes the schema, run on any connection of the pool, makes every
 * connection prepare afresh, since a kept statement's columns may no longer
 * be true; a connection first catches up with the schema, or it would
 * prepare from the one it read before and report the old columns.
 *
 * What a statement text does (writes, changes the schema) is SQLite's answer,
 * explained once per text and schema generation: a program depends only on its
 * text and the schema (CREATE TABLE IF NOT EXISTS is a write only while the
 * table is missing).
 */
export function createStatementKeeper() {
  let schemaGeneration = 0;
  let reuses = 0;
  // Each kept connection's own prepare(), and the schema generation it last caught up with.
  const connections = new WeakMap<LibsqlConnection, { prepare: LibsqlConnection['prepare']; seen: number }>();
  const explained = new Map<string, Explained>();

  /** The connection's own prepare(), after it has caught up with the schema. */
  function currentPrepare(connection: LibsqlConnection): LibsqlConnection['prepare'] | undefined {
    const state = connections.get(connection);
    if (state && state.seen !== schemaGeneration) {
      state.prepare(SCHEMA_CATCH_UP).get();
      state.seen = schemaGeneration;
    }
    return state?.prepare;
  }

  function known(sql: string): StatementEffects | undefined {
    const found = explained.get(sql);
    return found?.generation === schemaGeneration ? found.effects : undefined;
  }

  /** Explains a text on a connection this keeper set up; on any other, the worst case. */
  function effects(connection: LibsqlConnection, sql: string): StatementEffects {
    const remembered = known(sql);
    if (remembered) return remembered;
    const prepare = currentPrepare(connection);
    if (!prepare) return UNKNOWN_EFFECTS;
    const found = explainOn(prepare, sql);
    explained.delete(sql);
    explained.set(sql, { effects: found, generation: schemaGeneration });
    if (explained.size > EXPLAINED_TEXTS) explained.delete(explained.keys().next().value!);
    return found;
  }

  function keep(connection: LibsqlConnection): void {
    const prepare = connection.prepare.bind(connection);
    connections.set(connection, { prepare, seen: schemaGeneration });
    const kept = new Map<string, Kept>();
    const prepareAfresh = (sql: string): Kept => {
      const statement = prepare(sql);
      const columns = statement.columns.bind(statement);
      let known: ReturnType<LibsqlStatement['columns']> | undefined;
      statement.columns = () => (known ??= columns());
      return { statement, generation: schemaGeneration, changesSchema: effects(connection, sql).changesSchema };
    };

    connection.prepare = ((sql: string) => {
      currentPrepare(connection);
      let entry = kept.get(sql);
      kept.delete(sql);
      if (entry?.generation === schemaGeneration) reuses++;
      else entry = prepareAfresh(sql);
      if (entry.changesSchema) entry.generation = ++schemaGeneration;
      kept.set(sql, entry);
      if (kept.size > STATEMENTS_PER_CONNECTION) kept.delete(kept.keys().next().value!);
      return entry.statement;
    }) as LibsqlConnection['prepare'];
  }

  /** reuses: how often a kept statement was handed out again, so the start-up check sees reuse happen. */
  return { keep, known, effects, reuses: () => reuses };
}
