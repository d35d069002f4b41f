import { ORGANISATION_TYPES } from '../db/schema/members.js';
import type { Language } from '../db/schema/networks.js';
import { memberText } from '../i18n/members.js';
import { fill } from '../i18n/messages.js';
import { COLUMNS, headerName, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './csv-format.js';
import type { ImportPlan } from './csv-plan.js';
import type { FileProblem } from './csv-read.js';
import type { RowProblem } from './csv-rows.js';
import { NAME_MAX, ORGANISATION_MAX } from './member-input.js';

export const MEGABYTE = 1024 * 1024;
/** 5 000 in Finnish and Swedish, 5,000 in English. */
export const number = (lang: Language, value: number) => new Intl.NumberFormat(lang).format(value);

const typeLabels = (lang: Language) => ORGANISATION_TYPES.map((type) => memberText(lang)[`type_${type}`]).join(', ');

export function rowProblemMessage(problem: RowProblem, lang: Language, languages: readonly Language[]): string {
  const t = memberText(lang);
  switch (problem.code) {
    case 'column_count':
      return fill(t.problem_column_count, problem);
    case 'name_too_long':
      return fill(t.problem_name_too_long, { max: NAME_MAX });
    case 'organisation_too_long':
      return fill(t.problem_organisation_too_long, { max: ORGANISATION_MAX });
    case 'bad_email':
      return fill(t.problem_bad_email, problem);
    case 'do_not_invite':
      return fill(t.problem_do_not_invite, { value: problem.value });
    case 'duplicate_email':
      return fill(t.problem_duplicate_email, { value: problem.value, lines: problem.lines.join(', ') });
    case 'unknown_organisation_type':
      return fill(t.problem_unknown_organisation_type, { value: problem.value, allowed: typeLabels(lang) });
    case 'unknown_language':
      return fill(t.problem_unknown_language, { value: problem.value, allowed: languages.join(', ') });
    default:
      return t[`problem_${problem.code}`];
  }
}

export function fileProblemMessage(problem: FileProblem, lang: Language): string {
  const t = memberText(lang);
  const header = (columns: readonly (typeof COLUMNS)[number][]) => columns.map((column) => headerName(column, lang)).join(', ');
  switch (problem.code) {
    case 'too_large':
      return fill(t.file_too_large, { maxMb: MAX_IMPORT_BYTES / MEGABYTE });
    case 'too_many_rows':
      return fill(t.file_too_many_rows, { rows: number(lang, problem.rows), max: number(lang, MAX_IMPORT_ROWS) });
    case 'unreadable':
      return fill(t.file_unreadable, problem);
    case 'missing_columns':
      return fill(t.file_missing_columns, { columns: header(problem.columns), example: COLUMNS.map((column) => headerName(column, lang)).join(';') });
    case 'unknown_columns':
      return fill(t.file_unknown_columns, { names: problem.names.map((name) => `”${name}”`).join(', '), allowed: header(COLUMNS) });
    case 'duplicate_columns':
      return fill(t.file_duplicate_columns, { names: problem.names.join(', ') });
    case 'empty':
      return t.file_empty;
  }
}

/** The plan as the API answers it: codes for scripts, messages in the reader's language for people. */
export function importReport(plan: ImportPlan, lang: Language, languages: readonly Language[]) {
  const count = (action: string) => plan.rows.filter((row) => row.action === action).length;
  return {
    counts: { add: count('add'), update: count('update'), unchanged: count('unchanged'), invalid: plan.bad.length },
    rows: plan.rows.map(({ line, action, values, member, changes }) => ({ line, action, ...values, ...(member ? { memberId: member.id, active: member.active } : {}), changes })),
    invalid: plan.bad.map(({ line, problems }) => ({ line, problems: problems.map((problem) => ({ ...problem, message: rowProblemMessage(problem, lang, languages) })) })),
  };
}
