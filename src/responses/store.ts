import { and, eq, inArray, sql } from 'drizzle-orm';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import type { Language } from '../db/schema/networks.js';
import { itemTallies, measureTallies, responses, RESPONSES_MEASURE } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { randomResponseId } from './ids.js';
import { interpretAnswers } from './interpret.js';
import { TOTALS, type SegmentGroup } from './tally-keys.js';

export type ResponseInput = {
  roundId: number;
  version: QuestionnaireVersion;
  /** SurveyJS data keyed by question name. */
  answers: Record<string, unknown>;
  language: Language;
  /** The day only (YYYY-MM-DD): a finer time could be matched against invitation activity. */
  submittedOn: string;
  collectSegments: boolean;
};

/** Tallies are created when a round opens; a missing row means a bug, and counting nothing would hide it. */
export class TalliesNotInitialisedError extends Error {
  constructor(roundId: number) {
    super(`the tallies of round ${roundId} were not initialised`);
  }
}

const ID_ATTEMPTS = 5;

function inGroups(groups: SegmentGroup[]) {
  const pairs = groups.map((g) => sql`(${g.segmentKey}, ${g.segmentValue})`);
  return sql`(${measureTallies.segmentKey}, ${measureTallies.segmentValue}) IN (VALUES ${sql.join(pairs, sql`, `)})`;
}

/**
 * Stores one anonymous response and adds it to the round's tallies. Returns
 * nothing: the caller has no id to keep next to the invitation it just used.
 */
export async function storeResponse(tx: DbOrTx, input: ResponseInput): Promise<void> {
  const { roundId, version } = input;
  const { answers, segments, itemValues, measureScores } = interpretAnswers(version, input.answers, input.collectSegments);
  const row = {
    roundId,
    questionnaireKey: version.key,
    questionnaireVersion: version.version,
    submittedOn: input.submittedOn,
    language: input.language,
    segments,
    answers,
  };
  let stored = false;
  for (let attempt = 0; attempt < ID_ATTEMPTS && !stored; attempt++) {
    const result = await tx.insert(responses).values({ id: randomResponseId(), ...row }).onConflictDoNothing();
    stored = result.rowsAffected === 1;
  }
  if (!stored) throw new Error('no free response id found; the random source may be broken');

  const groups = [TOTALS, ...Object.entries(segments).map(([segmentKey, segmentValue]) => ({ segmentKey, segmentValue }))];
  // Increments in SQL, never read-modify-write, so concurrent submissions cannot lose a count.
  if (itemValues.length > 0) {
    const keys = groups.flatMap((g) => itemValues.map((v) => sql`(${g.segmentKey}, ${g.segmentValue}, ${v.itemKey}, ${v.value})`));
    // UPDATE … FROM walks the answered keys and finds each tally row by its primary key (half the time of IN (VALUES …)).
    const result = await tx.run(sql`
      UPDATE ${itemTallies} SET count = count + 1
      FROM (VALUES ${sql.join(keys, sql`, `)}) AS answered
      WHERE ${itemTallies.roundId} = ${roundId}
        AND ${itemTallies.segmentKey} = answered.column1 AND ${itemTallies.segmentValue} = answered.column2
        AND ${itemTallies.itemKey} = answered.column3 AND ${itemTallies.value} = answered.column4`);
    if (result.rowsAffected !== keys.length) throw new TalliesNotInitialisedError(roundId);
  }
  // Every response also counts in the '*' row, which gives the size of each group. One statement for all measures.
  const scores = [{ measure: RESPONSES_MEASURE, score: 0 }, ...measureScores];
  const caseOf = (pick: (score: number) => number) =>
    sql.join([sql`CASE ${measureTallies.measure}`, ...scores.map((s) => sql`WHEN ${s.measure} THEN ${pick(s.score)}`), sql`END`], sql` `);
  const result = await tx
    .update(measureTallies)
    .set({
      n: sql`${measureTallies.n} + 1`,
      sum: sql`${measureTallies.sum} + ${caseOf((score) => score)}`,
      sumSquares: sql`${measureTallies.sumSquares} + ${caseOf((score) => score * score)}`,
    })
    .where(and(eq(measureTallies.roundId, roundId), inArray(measureTallies.measure, scores.map((s) => s.measure)), inGroups(groups)));
  if (result.rowsAffected !== groups.length * scores.length) throw new TalliesNotInitialisedError(roundId);
}
