import { eq } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Localized } from '../catalogue/measures.js';
import type { Db } from '../db/client.js';
import { responses } from '../db/schema/index.js';
import { roundHeader, withheldReason, type Network, type Round, type Withheld } from './round-results.js';
import { readTallies, roundTotals } from './tallies-read.js';
import { roundThreshold } from '../rounds/threshold.js';

export type OpenAnswerList = { itemKey: string; title: Localized; measure: string | null; answers: string[] };
export type OpenAnswers = { round: ReturnType<typeof roundHeader>; threshold: number; withheld: Withheld; filter: string; items: OpenAnswerList[] };

const collator = new Intl.Collator('fi', { sensitivity: 'base' });

/**
 * Free-text answers of a closed round with at least k responses, sorted
 * alphabetically, so the order says nothing about who wrote what or when.
 */
export async function openAnswers(db: Db, catalogue: Catalogue, network: Network, round: Round, filter = ''): Promise<OpenAnswers> {
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const total = roundTotals(await readTallies(db, [round.id]), round).responses;
  const k = roundThreshold(round, network);
  const withheld = withheldReason(round, total, k);
  const needle = filter.trim().toLocaleLowerCase('fi');
  const base = { round: roundHeader(round), threshold: k, withheld, filter: filter.trim() };
  if (withheld) return { ...base, items: [] };
  const open = version.items.filter((item) => item.kind === 'open');
  const texts = new Map<string, string[]>(open.map((item) => [item.name, []]));
  const rows = await db.select({ answers: responses.answers }).from(responses).where(eq(responses.roundId, round.id));
  for (const { answers } of rows) {
    for (const [name, list] of texts) {
      const value = answers[name];
      if (typeof value === 'string' && value.trim() && (!needle || value.toLocaleLowerCase('fi').includes(needle))) list.push(value.trim());
    }
  }
  return {
    ...base,
    items: open.map((item) => ({ itemKey: item.itemKey, title: item.title, measure: item.measure ?? null, answers: texts.get(item.name)!.sort(collator.compare) })),
  };
}
