import type { OrganisationType } from '../db/schema/members.js';
import type { Language } from '../db/schema/networks.js';
import { languageOf, organisationTypeOf, type Column } from './csv-format.js';
import type { CsvRecord } from './csv-read.js';
import { isEmail, NAME_MAX, normaliseEmail, ORGANISATION_MAX, tidy } from './member-input.js';

export type RowProblem =
  | { code: 'column_count'; expected: number; found: number }
  | { code: 'missing_name' }
  | { code: 'name_too_long' }
  | { code: 'missing_email' }
  | { code: 'bad_email'; value: string }
  | { code: 'duplicate_email'; value: string; lines: number[] }
  | { code: 'do_not_invite'; value: string }
  | { code: 'organisation_too_long' }
  | { code: 'unknown_organisation_type'; value: string }
  | { code: 'unknown_language'; value: string };

/** What a line says; a field left out (no column, or an empty type or language) keeps its current or default value. */
export type RowValues = { name: string; email: string; organisation?: string; organisationType?: OrganisationType; language?: Language };

export type ReadRow = { line: number; values: RowValues; problems: RowProblem[] };

/** Excel pads every line to the widest one, so empty cells past the header are not extra columns. */
function widthOf(cells: string[]): number {
  return cells.findLastIndex((cell) => cell.trim() !== '') + 1;
}

/** One data line checked on its own; duplicates across lines are found by the caller. */
export function readRow(columns: readonly Column[], record: CsvRecord, languages: readonly Language[]): ReadRow {
  const tooFew = record.cells.length < columns.length;
  if (tooFew || widthOf(record.cells) > columns.length) {
    // The cells of such a line are shifted, so checking them would only add confusing messages.
    const found = tooFew ? record.cells.length : widthOf(record.cells);
    return { line: record.line, values: { name: '', email: '' }, problems: [{ code: 'column_count', expected: columns.length, found }] };
  }
  const problems: RowProblem[] = [];
  const cell = (column: Column) => {
    const i = columns.indexOf(column);
    return i < 0 ? undefined : tidy(record.cells[i] ?? '');
  };
  const name = cell('name') ?? '';
  if (!name) problems.push({ code: 'missing_name' });
  else if (name.length > NAME_MAX) problems.push({ code: 'name_too_long' });
  const email = normaliseEmail(cell('email') ?? '');
  if (!email) problems.push({ code: 'missing_email' });
  else if (!isEmail(email)) problems.push({ code: 'bad_email', value: email });
  const values: RowValues = { name, email };
  const organisation = cell('organisation');
  if (organisation !== undefined && organisation.length > ORGANISATION_MAX) problems.push({ code: 'organisation_too_long' });
  else if (organisation !== undefined) values.organisation = organisation;
  const type = cell('organisationType');
  if (type) {
    const code = organisationTypeOf(type);
    if (code) values.organisationType = code;
    else problems.push({ code: 'unknown_organisation_type', value: type });
  }
  const language = cell('language');
  if (language) {
    const code = languageOf(language);
    if (code && languages.includes(code)) values.language = code;
    else problems.push({ code: 'unknown_language', value: language });
  }
  return { line: record.line, values, problems };
}
