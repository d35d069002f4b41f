import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { answerReceipts, dailyResponseCounts, rounds } from '../db/schema/index.js';
import { invitedCount } from './invited-count.js';

export type DailyProgress = { day: string; responses: number; cumulative: number; rate: number | null };

export type RoundProgress = {
  invited: number;
  answered: number;
  /** answered / invited, 0–1; null before anyone is invited. */
  responseRate: number | null;
  /** Cumulative responses per day (Helsinki days). */
  daily: DailyProgress[];
};

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * How many were invited and how many answered, as counts only: receipts are
 * counted, and they say nothing of which invitations they belong to. A round
 * whose results were erased keeps the count it had, and no per-day curve.
 */
export async function roundProgress(db: Db, roundId: number): Promise<RoundProgress> {
  const [invited, [kept], [answeredRow], perDay] = await Promise.all([
    invitedCount(db, roundId),
    db.select({ n: rounds.answeredTotal }).from(rounds).where(eq(rounds.id, roundId)),
    db.select({ n: count() }).from(answerReceipts).where(eq(answerReceipts.roundId, roundId)),
    db
      .select({ day: dailyResponseCounts.day, n: sql<number>`${dailyResponseCounts.responses}` })
      .from(dailyResponseCounts)
      .where(eq(dailyResponseCounts.roundId, roundId))
      .orderBy(asc(dailyResponseCounts.day)),
  ]);
  let cumulative = 0;
  const daily = perDay.map(({ day, n }) => {
    cumulative += n;
    return { day, responses: n, cumulative, rate: rate(cumulative, invited) };
  });
  const answered = kept?.n ?? answeredRow?.n ?? 0;
  return { invited, answered, responseRate: rate(answered, invited), daily };
}
