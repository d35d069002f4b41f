import { sql } from 'drizzle-orm';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import { responses } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { randomResponseId } from './ids.js';
import { kindOf } from '../question-kinds/index.js';
import { interpretAnswers } from './interpret.js';
import { addToTallies, createTallyIncrements } from './tally-increments.js';

export type ResponseInput = {
  roundId: number;
  version: QuestionnaireVersion;
  /** SurveyJS data keyed by question name; background answers count in the segment tallies and are not kept. */
  answers: Record<string, unknown>;
  collectSegments: boolean;
};

/** Tallies are created when a round opens; a missing row means a bug, and counting nothing would hide it. */
export class TalliesNotInitialisedError extends Error {
  constructor(roundIds: number[]) {
    super(`the tallies of round ${roundIds.join(', ')} were not initialised`);
  }
}

const ID_ATTEMPTS = 5;

type ResponseRow = [roundId: number, key: string, version: number, answers: object];

/**
 * Inserts rows under fresh random ids; a row whose id is taken gets another
 * one. The rows travel as one JSON parameter, so one short statement stores
 * any number of them.
 */
async function insertUnderRandomIds(tx: DbOrTx, rows: ResponseRow[]): Promise<void> {
  let pending = rows;
  for (let attempt = 0; attempt < ID_ATTEMPTS && pending.length > 0; attempt++) {
    const withIds = pending.map((row) => [randomResponseId(), ...row] as const);
    // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
    const inserted = await tx.all<{ id: number }>(sql`
      INSERT INTO ${responses} (id, round_id, questionnaire_key, questionnaire_version, answers)
      SELECT row.value ->> 0, row.value ->> 1, row.value ->> 2, row.value ->> 3, row.value -> 4
      FROM json_each(${JSON.stringify(withIds)}) AS row WHERE true
      ON CONFLICT DO NOTHING RETURNING id`);
    const stored = new Set(inserted.map((row) => row.id));
    pending = withIds.filter(([id]) => !stored.has(id)).map(([, ...row]) => row);
  }
  if (pending.length > 0) throw new Error('no free response id found; the random source may be broken');
}

/** The answers a response row keeps: a self-reported background would join against the roster. */
function withoutBackground(version: QuestionnaireVersion, answers: Record<string, unknown>): Record<string, unknown> {
  const kept = { ...answers };
  for (const item of version.items) if (kindOf(item).background) delete kept[item.name];
  return kept;
}

/**
 * Stores anonymous responses, in the order given, and adds them to their
 * rounds' tallies. Returns nothing: no id leaves this function. Many responses
 * at once cost little more than one: the tallies they share are each updated
 * once, by their summed increments.
 */
export async function storeResponses(tx: DbOrTx, inputs: ResponseInput[]): Promise<void> {
  const increments = createTallyIncrements();
  const rows = inputs.map((input): ResponseRow => {
    const interpreted = interpretAnswers(input.version, input.answers, input.collectSegments);
    increments.add(input.roundId, interpreted);
    const { key, version } = input.version;
    return [input.roundId, key, version, withoutBackground(input.version, interpreted.answers)];
  });
  if (rows.length === 0) return;
  await insertUnderRandomIds(tx, rows);
  const updated = await addToTallies(tx, increments);
  if (!updated) throw new TalliesNotInitialisedError([...new Set(inputs.map((input) => input.roundId))]);
}

export function storeResponse(tx: DbOrTx, input: ResponseInput): Promise<void> {
  return storeResponses(tx, [input]);
}
