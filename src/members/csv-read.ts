import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { columnOf, detectDelimiter, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, REQUIRED_COLUMNS, restoreFormula, type Column } from './csv-format.js';

/** One data line of the file: where it starts and its cells. */
export type CsvRecord = { line: number; cells: string[] };

export type FileProblem =
  | { code: 'empty' }
  | { code: 'too_large' }
  | { code: 'too_many_rows'; rows: number }
  | { code: 'unreadable'; line: number }
  | { code: 'missing_columns'; columns: Column[] }
  | { code: 'unknown_columns'; names: string[] }
  | { code: 'duplicate_columns'; names: string[] };

export type CsvTable = { columns: Column[]; records: CsvRecord[] };
export type ReadResult = { ok: true; table: CsvTable } | { ok: false; problem: FileProblem };

const newlines = (cells: string[]) => cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

/** The first line after `line` that is not blank: where the record that failed to parse starts. */
function nextLineWithText(lines: string[], line: number): number {
  const index = lines.findIndex((text, i) => i >= line && text.trim() !== '');
  return index < 0 ? line + 1 : index + 1;
}

function parseRecords(text: string): CsvRecord[] | { unreadable: number } {
  // One kind of line end keeps the line numbers right when pasted text mixes them.
  const unified = text.replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  try {
    parse(unified, {
      bom: true,
      delimiter: detectDelimiter(unified),
      record_delimiter: '\n',
      relax_column_count: true,
      // Hand-written files have quotes inside cells: Matti "Masa" Virtanen.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // context.lines is where a record ends; a quoted cell may span lines, and people look for where it starts.
      on_record: (record, context) => {
        records.push({ line: context.lines - newlines(record), cells: record.map(restoreFormula) });
        return null;
      },
    });
    return records;
  } catch (error) {
    const last = records.at(-1);
    if (error instanceof CsvError) return { unreadable: nextLineWithText(unified.split('\n'), last ? last.line + newlines(last.cells) : 0) };
    throw error;
  }
}

function readHeader(cells: string[]): { ok: true; columns: Column[] } | { ok: false; problem: FileProblem } {
  // Spreadsheets often leave empty cells after the last named column.
  const names = cells.slice(0, cells.findLastIndex((cell) => cell.trim() !== '') + 1).map((cell) => cell.trim());
  const unknown = names.filter((name) => !columnOf(name));
  if (unknown.length > 0) return { ok: false, problem: { code: 'unknown_columns', names: unknown } };
  const columns = names.map((name) => columnOf(name)!);
  const repeated = names.filter((_, i) => columns.indexOf(columns[i]!) !== i);
  if (repeated.length > 0) return { ok: false, problem: { code: 'duplicate_columns', names: repeated } };
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) return { ok: false, problem: { code: 'missing_columns', columns: missing } };
  return { ok: true, columns };
}

/** The file's header and data lines, or why it cannot be read as a roster at all. */
export function readCsv(text: string): ReadResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) return { ok: false, problem: { code: 'too_large' } };
  const records = parseRecords(text);
  if ('unreadable' in records) return { ok: false, problem: { code: 'unreadable', line: records.unreadable } };
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: { code: 'too_many_rows', rows: rows.length } };
  const read = readHeader(header.cells);
  return read.ok ? { ok: true, table: { columns: read.columns, records: rows } } : read;
}
