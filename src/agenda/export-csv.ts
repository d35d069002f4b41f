import type { Language } from '../db/schema/networks.js';
import { agendaText, measureLabel } from '../i18n/agenda.js';
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
    measureLabel(action.measure, lang),
    action.description,
    action.owner,
    action.dueOn,
    t[`status_${action.status}`],
    roundTitles.get(action.roundId) ?? null,
  ]);
  return spreadsheetCsv(t.csvHeader.split(';'), rows);
}
