import { stringify } from 'csv-stringify/sync';
import type { Language } from '../db/schema/networks.js';
import { memberText } from '../i18n/members.js';
import { COLUMNS, defuseFormula, headerName } from './csv-format.js';
import type { Member } from './members.js';

/**
 * The roster as Excel opens it without asking: semicolons, a BOM that says UTF-8,
 * CRLF line ends. Headers and organisation types are in the reader's language;
 * the import accepts all three, so the file imports back unchanged.
 */
export function membersCsv(roster: readonly Member[], lang: Language): string {
  const t = memberText(lang);
  const cells = (member: Member) => [member.name, member.email, member.organisation, t[`type_${member.organisationType}`], member.language];
  return stringify([COLUMNS.map((column) => headerName(column, lang)), ...roster.map((member) => cells(member).map(defuseFormula))], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    // A line break inside a cell must be quoted even though records end with CRLF.
    quoted_match: /[\r\n]/,
  });
}
