import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { invitations } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { storeResponse } from '../responses/store.js';
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
 * invitation used and stores the response in one transaction. The update only
 * succeeds while the invitation is unused, so of two simultaneous submissions
 * exactly one is stored.
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
  const stored = await db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ used: true, usedDaySealed: sealDay(token, day) })
      .where(and(eq(invitations.id, context.invitationId), eq(invitations.used, false)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) return false;
    await storeResponse(tx, {
      roundId: context.round.id,
      version: context.version,
      answers: answers as Record<string, unknown>,
      language,
      submittedOn: day,
      collectSegments: context.round.collectSegments,
    });
    return true;
  });
  return stored ? { outcome: 'stored', day } : { outcome: 'refused', state: 'answered' };
}
