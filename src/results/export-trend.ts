import type { Language } from '../db/schema/networks.js';
import { favourableCells, favourableHeader, meanCells } from './export-aggregates.js';
import { spreadsheetCsv } from './export-csv.js';
import { exportText } from './export-text.js';
import type { Trend } from './trend.js';

// Rounds close on Helsinki time; a UTC day could be the day after.
const helsinkiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * One row per rule or area and closed round, oldest round first. A round
 * below the threshold keeps its row, as in the JSON, with its figures blank.
 */
export function trendCsv(trend: Trend, lang: Language): string {
  const t = exportText(lang);
  const header = [t.kind, t.key, t.name, t.round, t.closesAt, t.version, t.n, t.mean, t.ciLow, t.ciHigh, ...favourableHeader(t)];
  const rows = trend.series.flatMap((series) =>
    series.points.map((point, i) => {
      const round = trend.rounds[i]!;
      return [t[`kind_${series.kind}`], series.measure, series.name[lang], round.title, helsinkiDay.format(new Date(round.closesAt)), round.versionLabel, ...meanCells(point.figures), ...favourableCells(point.figures)];
    }),
  );
  return spreadsheetCsv(header, rows);
}
