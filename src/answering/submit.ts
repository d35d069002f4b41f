import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Language } from '../db/schema/networks.js';
import { groupCommitFor } from './group-commit.js';
import type { AnswerContext } from './invitation-state.js';
import { linkState, type LinkState } from './invitation-state.js';
import { sealDay } from './seal.js';
import { validateAnswers, type AnswerProblem } from './validate-answers.js';

export type SubmitResult =
  | { outcome: 'stored'; day: string }
  | { outcome: 'refused'; state: Exclude<LinkState, 'open'> }
  | { outcome: 'invalid'; problems: AnswerProblem[] };

/** The day in Finland: the finest time a response keeps. */
// Made once: building a formatter costs more than a whole submission's SQL.
const HELSINKI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

export function helsinkiDay(now: Date): string {
  return HELSINKI_DAY.format(now);
}

/**
 * Stores an answer: checks the link and the answers first, then marks the
 * invitation used and stores the response in one transaction (shared with
 * other submissions arriving at the same time). The update only succeeds
 * while the invitation is unused, so of two simultaneous submissions exactly
 * one is stored.
 */
export async function submitAnswers(
  db: Db,
  clock: Clock,
  context: AnswerContext | null,
  token: string,
  answers: unknown,
  language: Language,
): Promise<SubmitResult> {
  const now = clock.now();
  const state = linkState(context, now);
  if (state !== 'open' || !context) return { outcome: 'refused', state: state === 'open' ? 'unknown' : state };
  const problems = validateAnswers(context.version, answers);
  if (problems.length > 0) return { outcome: 'invalid', problems };

  const day = helsinkiDay(now);
  const stored = await groupCommitFor(db)({
    invitationId: context.invitationId,
    usedDaySealed: sealDay(token, day),
    response: {
      roundId: context.round.id,
      version: context.version,
      answers: answers as Record<string, unknown>,
      language,
      submittedOn: day,
      collectSegments: context.round.collectSegments,
    },
  });
  return stored ? { outcome: 'stored', day } : { outcome: 'refused', state: 'answered' };
}
