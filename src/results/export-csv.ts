import { stringify } from 'csv-stringify/sync';
import { defuseFormula } from '../members/csv-format.js';

/** A cell: text we do not control (names, answers), a number we computed, or nothing. */
export type Cell = string | number | null;

// Means and intervals carry no more digits than a reader of small samples can use.
const DIGITS = 4;

/**
 * The same spreadsheet dialect as the member roster: semicolons, a BOM that
 * says UTF-8, CRLF. Finnish and Swedish Excel, which expect the semicolon,
 * also expect a decimal comma, and would read "3.5" as the 3rd of May; so
 * numbers are written with a comma in every language.
 */
function cellText(cell: Cell): string {
  if (cell === null) return '';
  // Only text is defused: a computed number like -0,25 is a number, not a formula.
  if (typeof cell === 'string') return defuseFormula(cell);
  return String(Number(cell.toFixed(DIGITS))).replace('.', ',');
}

export function spreadsheetCsv(header: string[], rows: Cell[][]): string {
  return stringify([header.map(cellText), ...rows.map((row) => row.map(cellText))], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    // A line break inside a cell must be quoted even though records end with CRLF.
    quoted_match: /[\r\n]/,
  });
}
