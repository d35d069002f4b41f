import { sql } from 'drizzle-orm';
import { rounds } from '../db/schema/index.js';

/*
 * When a round really closed: a round closed early (by hand) closed then, not
 * at its planned closing time. Every "latest", "previous", ordering and date a
 * person reads of a closed round follows this; the planned time is only a
 * fallback for a round that has not closed yet.
 */
export const closingInstant = sql<string>`coalesce(${rounds.closedAt}, ${rounds.closesAt})`;

export function closedOn(round: { closedAt: string | null; closesAt: string }): string {
  return round.closedAt ?? round.closesAt;
}
