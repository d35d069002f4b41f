import type { LibsqlConnection } from './driver-internals.js';

/*
 * What a statement does, in SQLite's own words: the program EXPLAIN lists is
 * the one SQLite runs, so reading its opcodes applies the rule behind
 * sqlite3_stmt_readonly(), which the driver does not expose (a libsql
 * statement's `reader` only says whether it returns rows, true for
 * INSERT … RETURNING too). A statement that cannot be explained is unknown,
 * and an unknown statement counts as writing and changing the schema.
 */

/** One instruction of an EXPLAIN listing: its opcode name and second operand. */
export type Instruction = { opcode: string; p2: number };
export type StatementEffects = { writes: boolean; changesSchema: boolean };

export const UNKNOWN_EFFECTS: StatementEffects = Object.freeze({ writes: true, changesSchema: true });

// Besides a write transaction (Transaction with p2 ≠ 0), these touch the file or its log directly.
const WRITING = new Set(['Vacuum', 'JournalMode', 'Checkpoint', 'VUpdate', 'VCreate', 'VDestroy']);
// SetCookie on the schema version is how every CREATE, ALTER and DROP tells other connections.
const SCHEMA_VERSION_COOKIE = 1;

export function effectsOf(program: readonly Instruction[]): StatementEffects {
  return {
    writes: program.some(({ opcode, p2 }) => WRITING.has(opcode) || (opcode === 'Transaction' && p2 !== 0)),
    changesSchema: program.some(({ opcode, p2 }) => opcode === 'SetCookie' && p2 === SCHEMA_VERSION_COOKIE),
  };
}

/** Reads an EXPLAIN listing's rows (arrays of cells); a listing of another shape is unknown. */
function instructionsOf(rows: readonly unknown[], columns: readonly string[]): Instruction[] | undefined {
  const opcode = columns.indexOf('opcode');
  const p2 = columns.indexOf('p2');
  if (opcode < 0 || p2 < 0) return undefined;
  const program: Instruction[] = [];
  for (const row of rows) {
    const cells = row as unknown[];
    const name = cells[opcode];
    const operand = Number(cells[p2]);
    if (typeof name !== 'string' || !Number.isInteger(operand)) return undefined;
    program.push({ opcode: name, p2: operand });
  }
  return program;
}

/**
 * Explains a statement on a native connection, with its own prepare() (not the
 * keeping one). SQLite counts an EXPLAIN as in progress until it is reset, even
 * after its last row, and would then refuse VACUUM or a journal mode change on
 * that connection; a libsql statement has no reset(), but get() resets after
 * its row.
 */
export function explainOn(prepare: LibsqlConnection['prepare'], sql: string): StatementEffects {
  try {
    const listing = prepare(`EXPLAIN ${sql}`).raw(true);
    try {
      const program = instructionsOf(listing.all() as unknown[], listing.columns().map((column) => column.name));
      return program ? effectsOf(program) : UNKNOWN_EFFECTS;
    } finally {
      listing.get();
    }
  } catch {
    return UNKNOWN_EFFECTS;
  }
}
