import { eq } from 'drizzle-orm';
import { settings } from 'survey-core';
import type { Catalogue, QuestionnaireVersion } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import type { Language } from '../db/schema/networks.js';
import { responses } from '../db/schema/index.js';
import { fill } from '../i18n/messages.js';
import { kindOf } from '../question-kinds/index.js';
import { roundThreshold } from '../rounds/threshold.js';
import { spreadsheetCsv } from './export-csv.js';
import { exportText } from './export-text.js';
import { roundHeader, withheldReason, type Network, type Round, type Withheld } from './round-results.js';
import { readTallies, roundTotals } from './tallies-read.js';
import { withheldFigures } from './withheld-figures.js';

export type RawValue = string | number | null;

export type RawResponses = {
  round: ReturnType<typeof roundHeader> & { responses: number; threshold: number };
  withheld: Withheld;
  /** Every question of the version, in questionnaire order, is one column. */
  version: QuestionnaireVersion;
  /** One row per response, one cell per question, sorted by content. */
  rows: RawValue[][];
  /** Item keys whose column is blank because the round's figures withhold them. */
  withheldItems: ReadonlySet<string>;
};

const collator = new Intl.Collator('fi');
const rank = (value: RawValue) => (value === null ? 0 : typeof value === 'number' ? 1 : 2);

function compareValues(a: RawValue, b: RawValue): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return typeof a === 'string' && typeof b === 'string' ? collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0) : 0;
}

function compareRows(a: RawValue[], b: RawValue[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareValues(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The columns each kind gives: no free text (beside a person's other answers
 * it could name them; comments are read, unlinked, in the open-answers list)
 * and no background answers (responses keep none; they are counted only in
 * the segment tallies, which obey k).
 */
function rawColumns(version: QuestionnaireVersion, lang: Language) {
  return version.items.flatMap((item) => kindOf(item).exportColumns(item, version, lang).map((column) => ({ item, column })));
}

export async function rawResponses(db: Db, catalogue: Catalogue, network: Network, round: Round): Promise<RawResponses> {
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const k = roundThreshold(round, network);
  const totals = roundTotals(await readTallies(db, [round.id]), round);
  const total = totals.responses;
  const withheld = withheldReason(round, total, k);
  const base = { round: { ...roundHeader(round), responses: total, threshold: k }, withheld, version };
  if (withheld) return { ...base, rows: [], withheldItems: new Set() };

  /**
   * The answers of a closed round with at least k responses, and nothing else:
   * no id, no day, no language, no background. Rows are sorted by their
   * content, which makes their order a function of the answers alone, never
   * of storage or arrival.
   */
  const stored = await db.select({ answers: responses.answers }).from(responses).where(eq(responses.roundId, round.id));
  // A statement the round's figures withhold is blank here too: its few answers would otherwise be read off the rows.
  const [withheldItems] = withheldFigures(version, [totals], k);
  const rows = stored.map(({ answers }) => rawColumns(version, 'fi').map(({ item, column }): RawValue => (withheldItems!.has(item.itemKey) ? null : column.cell(answers[item.name]))));
  return { ...base, rows: rows.sort(compareRows), withheldItems: withheldItems! };
}

/**
 * For a person in a spreadsheet: each column headed by its rule and statement
 * in the reader's language, a withheld column saying why it is blank, and
 * "cannot say" in words. Programs get the question names from the JSON.
 */
export function responsesCsv(raw: RawResponses, lang: Language): string {
  const t = exportText(lang);
  const header = rawColumns(raw.version, lang).map(({ item, column }) =>
    raw.withheldItems.has(item.itemKey) ? `${column.header} ${fill(t.withheldColumn, { k: raw.round.threshold })}` : column.header,
  );
  const rows = raw.rows.map((row) => row.map((value) => (value === settings.noneItemValue ? t.cannotSay : value)));
  return spreadsheetCsv(header, rows);
}

/** The same rows for programs: each response an object keyed by question name, with a note saying what was left out. */
export function responsesJson(raw: RawResponses, lang: Language) {
  const { version } = raw;
  const scale: Array<{ value: number | string; text: string }> = [
    ...(version.scale?.choices.map((c) => ({ value: c.value, text: c.text[lang] })) ?? []),
    ...(version.scale ? [{ value: settings.noneItemValue, text: version.scale.cannotSay[lang] }] : []),
  ];
  return {
    round: raw.round,
    note: fill(exportText(lang).responsesNote, { k: raw.round.threshold, none: settings.noneItemValue }),
    questions: rawColumns(version, lang).map(({ item, column }) => ({
      name: column.key,
      itemKey: item.itemKey,
      kind: item.kind,
      measure: item.measure ?? null,
      title: column.header,
      withheld: raw.withheldItems.has(item.itemKey),
      ...(item.kind === 'scored' ? { values: scale } : {}),
    })),
    responses: raw.rows.map((row) => Object.fromEntries(rawColumns(version, lang).map(({ column }, i) => [column.key, row[i]]))),
  };
}
