import type { Clock } from '../clock.js';
import { interpretAnswers } from '../responses/interpret.js';
import { responseSealingKey, sealAnswers } from '../responses/sealed-responses.js';
import type { GroupCommit } from './group-commit.js';
import type { AnswerContext } from './invitation-state.js';
import { linkState, type LinkState } from './invitation-state.js';
import { sealDay } from './seal.js';
import { validateAnswers, type AnswerProblem } from './validate-answers.js';

export type SubmitResult =
  | { outcome: 'stored'; day: string }
  | { outcome: 'refused'; state: Exclude<LinkState, 'open'> }
  | { outcome: 'invalid'; problems: AnswerProblem[] };

/** The day in Finland: the finest time the response-rate curve keeps. */
// Made once: building a formatter costs more than a whole submission's SQL.
const HELSINKI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

export function helsinkiDay(now: Date): string {
  return HELSINKI_DAY.format(now);
}

/**
 * Stores an answer: checks the link and the answers first, then writes the
 * link's receipt and the sealed response in one transaction (shared with
 * other submissions arriving at the same time). The receipt's key is unique,
 * so of two simultaneous submissions exactly one is stored. The response
 * stays sealed until the round closes (see responses/mix.ts).
 */
export async function submitAnswers(commit: GroupCommit, clock: Clock, secretKey: string, context: AnswerContext | null, token: string, answers: unknown): Promise<SubmitResult> {
  const now = clock.now();
  const state = linkState(context, now);
  if (state !== 'open' || !context) return { outcome: 'refused', state: state === 'open' ? 'unknown' : state };
  const problems = validateAnswers(context.version, answers);
  if (problems.length > 0) return { outcome: 'invalid', problems };

  const day = helsinkiDay(now);
  const kept = interpretAnswers(context.version, answers as Record<string, unknown>, context.round.collectSegments).answers;
  const stored = await commit({
    roundId: context.round.id,
    nullifier: context.nullifier,
    answeredDaySealed: sealDay(token, day),
    day,
    sealed: sealAnswers(responseSealingKey(secretKey), context.round.id, context.version, kept),
  });
  return stored ? { outcome: 'stored', day } : { outcome: 'refused', state: 'answered' };
}
