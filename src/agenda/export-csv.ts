import type { Language } from '../db/schema/networks.js';
import { agendaText } from '../i18n/agenda.js';
import { titledMeasureLabel } from '../i18n/measure-names.js';
import { spreadsheetCsv } from '../results/export-csv.js';
import type { Action } from './actions.js';

/**
 * The agenda in the spreadsheet dialect of the other exports (semicolons, a
 * BOM, CRLF, formula-like text defused). Dates stay ISO, which every
 * spreadsheet reads as a date whatever its locale.
 */
export function actionsCsv(actions: readonly Action[], roundTitles: ReadonlyMap<number, string>, lang: Language): string {
  const t = agendaText(lang);
  const rows = actions.map((action) => [
    titledMeasureLabel(action.measure, lang),
    action.description,
    action.owner,
    action.dueOn,
    t[`status_${action.status}`],
    roundTitles.get(action.roundId) ?? null,
  ]);
  return spreadsheetCsv(t.csvHeader.split(';'), rows);
}
