import { ORGANISATION_TYPES, type OrganisationType } from '../db/schema/members.js';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { memberText } from '../i18n/members.js';

/** The roster file: the same columns for import and export, so an export imports back unchanged. */
export const COLUMNS = ['name', 'email', 'organisation', 'organisationType', 'language'] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly Column[] = ['name', 'email'];

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** A request carrying the file: room for JSON escapes or the form around it. */
export const IMPORT_BODY_BYTES = 2 * MAX_IMPORT_BYTES;

const HEADERS: Record<Column, Record<Language, string>> = {
  name: { fi: 'nimi', sv: 'namn', en: 'name' },
  email: { fi: 'sähköposti', sv: 'e-post', en: 'email' },
  organisation: { fi: 'organisaatio', sv: 'organisation', en: 'organisation' },
  organisationType: { fi: 'organisaatiotyyppi', sv: 'organisationstyp', en: 'organisation_type' },
  language: { fi: 'kieli', sv: 'språk', en: 'language' },
};

export const headerName = (column: Column, lang: Language) => HEADERS[column][lang];

/** Case, spaces, hyphens, underscores and the American z do not matter: "Organization type" is organisation_type. */
const fold = (value: string) => value.toLocaleLowerCase('fi').replace(/[\s_-]+/g, '').replace(/z/g, 's');

export function columnOf(header: string): Column | undefined {
  const wanted = fold(header);
  return COLUMNS.find((column) => LANGUAGES.some((lang) => fold(HEADERS[column][lang]) === wanted));
}

/** Finnish Excel separates with semicolons, most other tools with commas; the header line tells which. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const count = (d: string) => header.split(d).length - 1;
  return [';', ',', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** UTF-8 (a BOM is dropped); a file that is not valid UTF-8 is taken as Windows-1252, which Excel's plain "CSV" uses. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Labels that rosters exported before the roster took the questionnaire's wording still carry. */
const FORMER_TYPE_LABELS: Record<string, OrganisationType> = {
  lukio: 'upper_secondary',
  'kunnan hallinto': 'municipal_administration',
  gymnasium: 'upper_secondary',
  'kommunal förvaltning': 'municipal_administration',
  'early childhood education': 'early_childhood',
  'comprehensive school': 'comprehensive_school',
  'general upper secondary school': 'upper_secondary',
  'vocational education': 'vocational',
  'municipal administration': 'municipal_administration',
};

/** The organisation type from its code or its label in any of the three languages. */
export function organisationTypeOf(value: string): OrganisationType | undefined {
  const wanted = fold(value);
  const current = ORGANISATION_TYPES.find((type) => fold(type) === wanted || LANGUAGES.some((lang) => fold(memberText(lang)[`type_${type}`]) === wanted));
  return current ?? Object.entries(FORMER_TYPE_LABELS).find(([label]) => fold(label) === wanted)?.[1];
}

/** The language from its code or its name in any of the three languages. */
export function languageOf(value: string): Language | undefined {
  const wanted = fold(value);
  return LANGUAGES.find((code) => code === wanted || LANGUAGES.some((lang) => fold(memberText(lang)[`language_${code}`]) === wanted));
}

/** Spreadsheets run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** What the import reads as defused: an apostrophe before such a start, or before another apostrophe. */
const DEFUSED = /^'[=+\-@\t\r']/;

/**
 * On export, a leading apostrophe makes a formula-like cell plain text in Excel and LibreOffice;
 * a cell that already looks defused (a name that is literally '=1+1) gets one too, so the import
 * takes off only what the export added.
 */
export const defuseFormula = (cell: string) => (FORMULA_START.test(cell) || DEFUSED.test(cell) ? `'${cell}` : cell);

/** On import, the apostrophe added on export comes off again, so an export re-imports unchanged. */
export const restoreFormula = (cell: string) => (DEFUSED.test(cell) ? cell.slice(1) : cell);
