import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import type { Round } from './round-results.js';
import { parseId } from '../http/ids.js';

/** The round if it belongs to the network; a round of another network is as missing as one that never existed. */
export async function findNetworkRound(db: Db, networkId: number, roundId: string | number | undefined): Promise<Round | null> {
  const id = parseId(roundId);
  if (id === null) return null;
  const [round] = await db.select().from(rounds).where(and(eq(rounds.id, id), eq(rounds.networkId, networkId)));
  return round ?? null;
}
