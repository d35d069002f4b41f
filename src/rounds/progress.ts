import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { invitations, responses } from '../db/schema/index.js';

export type DailyProgress = { day: string; responses: number; cumulative: number; rate: number | null };

export type RoundProgress = {
  invited: number;
  answered: number;
  /** answered / invited, 0–1; null before anyone is invited. */
  responseRate: number | null;
  /** Cumulative responses per day (Helsinki days, as responses keep them). */
  daily: DailyProgress[];
};

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * How many were invited and how many answered, as counts only. Which
 * invitations were used is never returned: in a small network that alone
 * could reveal who wrote an answer.
 */
export async function roundProgress(db: Db, roundId: number): Promise<RoundProgress> {
  const [totals] = await db
    .select({ invited: count(), answered: sql<number>`coalesce(sum(${invitations.used}), 0)` })
    .from(invitations)
    .where(eq(invitations.roundId, roundId));
  const perDay = await db
    .select({ day: responses.submittedOn, n: count() })
    .from(responses)
    .where(eq(responses.roundId, roundId))
    .groupBy(responses.submittedOn)
    .orderBy(asc(responses.submittedOn));
  const invited = totals?.invited ?? 0;
  let cumulative = 0;
  const daily = perDay.map(({ day, n }) => {
    cumulative += n;
    return { day, responses: n, cumulative, rate: rate(cumulative, invited) };
  });
  const answered = Number(totals?.answered ?? 0);
  return { invited, answered, responseRate: rate(answered, invited), daily };
}
