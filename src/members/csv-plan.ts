import type { Language } from '../db/schema/networks.js';
import type { CsvTable } from './csv-read.js';
import { readRow, type RowProblem, type RowValues } from './csv-rows.js';
import type { MemberInput } from './member-input.js';
import type { Member } from './members.js';

const COMPARED = ['name', 'organisation', 'organisationType', 'language'] as const;
export type Change = { field: (typeof COMPARED)[number]; from: string; to: string };

export type PlannedRow = { line: number; action: 'add' | 'update' | 'unchanged'; values: MemberInput; member?: Member; changes: Change[] };
export type BadRow = { line: number; problems: RowProblem[] };
/** What an import would do, line by line; computed again on confirm, never taken from the client. */
export type ImportPlan = { rows: PlannedRow[]; bad: BadRow[] };

function planRow(line: number, values: RowValues, member: Member | undefined, languages: readonly Language[]): PlannedRow {
  if (!member) {
    const added = { organisation: '', organisationType: 'other' as const, language: languages[0]!, ...values };
    return { line, action: 'add', values: added, changes: [] };
  }
  const next: MemberInput = {
    name: values.name,
    email: values.email,
    organisation: values.organisation ?? member.organisation,
    organisationType: values.organisationType ?? member.organisationType,
    language: values.language ?? member.language,
  };
  const changes = COMPARED.filter((field) => next[field] !== member[field]).map((field) => ({ field, from: member[field], to: next[field] }));
  return { line, action: changes.length > 0 ? 'update' : 'unchanged', values: next, member, changes };
}

/**
 * Compares the file with the roster. A line whose email is on the roster updates
 * that member. Of lines with the same email the first usable one is taken and
 * each later one is reported, so a row pasted twice loses nothing.
 */
export function planImport(table: CsvTable, roster: readonly Member[], languages: readonly Language[], listed: (email: string) => boolean = () => false): ImportPlan {
  const read = table.records.map((record) => readRow(table.columns, record, languages));
  const byEmail = new Map(roster.map((member) => [member.email, member]));
  const taken = new Map<string, number>();
  const plan: ImportPlan = { rows: [], bad: [] };
  for (const { line, values, problems } of read) {
    const first = taken.get(values.email);
    const all: RowProblem[] = first === undefined ? problems : [...problems, { code: 'duplicate_email', value: values.email, lines: [first] }];
    // Someone who asked not to be invited is not added back by a roster file.
    if (problems.length === 0 && !byEmail.has(values.email) && listed(values.email)) all.push({ code: 'do_not_invite', value: values.email });
    if (all.length > 0) plan.bad.push({ line, problems: all });
    else {
      taken.set(values.email, line);
      plan.rows.push(planRow(line, values, byEmail.get(values.email), languages));
    }
  }
  return plan;
}
