import { eq } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Localized } from '../catalogue/measures.js';
import type { Db } from '../db/client.js';
import { responses } from '../db/schema/index.js';
import { roundHeader, withheldReason, type Network, type Round, type Withheld } from './round-results.js';
import { readTallies, roundTotals } from './tallies-read.js';
import { roundOpenAnswerThreshold, roundThreshold } from '../rounds/threshold.js';

/** `withheld`: fewer than the open-answer threshold wrote an answer, so none is shown. */
export type OpenAnswerList = { itemKey: string; title: Localized; measure: string | null; withheld: boolean; answers: string[] };
export type OpenAnswers = { round: ReturnType<typeof roundHeader>; threshold: number; openThreshold: number; withheld: Withheld; filter: string; items: OpenAnswerList[] };

const collator = new Intl.Collator('fi', { sensitivity: 'base' });

/**
 * Free-text answers of a closed round with at least k responses, sorted
 * alphabetically, so the order says nothing about who wrote what or when.
 * A question's answers are shown only when at least the round's open-answer
 * threshold wrote one, counted before the filter, so that a search cannot
 * bring a withheld question's few answers into view.
 */
export async function openAnswers(db: Db, catalogue: Catalogue, network: Network, round: Round, filter = ''): Promise<OpenAnswers> {
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const total = roundTotals(await readTallies(db, [round.id]), round).responses;
  const k = roundThreshold(round, network);
  const withheld = withheldReason(round, total, k);
  const needle = filter.trim().toLocaleLowerCase('fi');
  const openK = roundOpenAnswerThreshold(round, network);
  const base = { round: roundHeader(round), threshold: k, openThreshold: openK, withheld, filter: filter.trim() };
  if (withheld) return { ...base, items: [] };
  const open = version.items.filter((item) => item.kind === 'open');
  const texts = new Map<string, string[]>(open.map((item) => [item.name, []]));
  const rows = await db.select({ answers: responses.answers }).from(responses).where(eq(responses.roundId, round.id));
  for (const { answers } of rows) {
    for (const [name, list] of texts) {
      const value = answers[name];
      if (typeof value === 'string' && value.trim()) list.push(value.trim());
    }
  }
  return {
    ...base,
    items: open.map((item) => {
      const written = texts.get(item.name)!;
      const withheld = written.length < openK;
      const matching = withheld ? [] : written.filter((text) => !needle || text.toLocaleLowerCase('fi').includes(needle));
      return { itemKey: item.itemKey, title: item.title, measure: item.measure ?? null, withheld, answers: matching.sort(collator.compare) };
    }),
  };
}
