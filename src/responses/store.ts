import { sql } from 'drizzle-orm';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import type { Language } from '../db/schema/networks.js';
import { itemTallies, measureTallies, responses, RESPONSES_MEASURE } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { randomResponseId } from './ids.js';
import { interpretAnswers } from './interpret.js';
import { TOTALS } from './tally-keys.js';

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
  // The keys travel as one JSON parameter: the statement text stays short and the same for every
  // response, which keeps SQLite's compile step cheap (it is prepared on every call).
  if (itemValues.length > 0) {
    const keys = groups.flatMap((g) => itemValues.map((v) => [g.segmentKey, g.segmentValue, v.itemKey, v.value]));
    // CROSS JOIN keeps the answered keys as the outer loop, so each tally row is found by its primary key.
    const result = await tx.run(sql`
      UPDATE ${itemTallies} SET count = count + 1 WHERE rowid IN (
        SELECT tally.rowid FROM json_each(${JSON.stringify(keys)}) AS answered CROSS JOIN ${itemTallies} AS tally
        WHERE tally.round_id = ${roundId} AND tally.segment_key = answered.value ->> 0 AND tally.segment_value = answered.value ->> 1
          AND tally.item_key = answered.value ->> 2 AND tally.value = answered.value ->> 3)`);
    if (result.rowsAffected !== keys.length) throw new TalliesNotInitialisedError(roundId);
  }
  // Every response also counts in the '*' row, which gives the size of each group. One statement for all measures.
  const scores = [[RESPONSES_MEASURE, 0], ...measureScores.map((m) => [m.measure, m.score])];
  const result = await tx.run(sql`
    UPDATE ${measureTallies} SET n = n + 1, sum = sum + scored.score, sum_squares = sum_squares + scored.score * scored.score
    FROM (SELECT tally.rowid AS id, scores.value ->> 1 AS score
          FROM json_each(${JSON.stringify(scores)}) AS scores CROSS JOIN json_each(${JSON.stringify(groups.map((g) => [g.segmentKey, g.segmentValue]))}) AS grouped
          CROSS JOIN ${measureTallies} AS tally
          WHERE tally.round_id = ${roundId} AND tally.segment_key = grouped.value ->> 0 AND tally.segment_value = grouped.value ->> 1
            AND tally.measure = scores.value ->> 0) AS scored
    WHERE ${measureTallies}.rowid = scored.id`);
  if (result.rowsAffected !== groups.length * scores.length) throw new TalliesNotInitialisedError(roundId);
}
