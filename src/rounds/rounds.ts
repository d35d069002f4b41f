import { and, desc, eq, ne } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import { RoundRefused } from './refusals.js';
import type { RoundInput } from './round-input.js';

export type Round = typeof rounds.$inferSelect;

const stored = (input: RoundInput) => ({
  questionnaireKey: input.questionnaireKey,
  questionnaireVersion: input.questionnaireVersion,
  title: input.title,
  titleTranslations: { ...(input.titleSv && { sv: input.titleSv }), ...(input.titleEn && { en: input.titleEn }) },
  opensAt: input.opensAt.toISOString(),
  closesAt: input.closesAt.toISOString(),
  reminderDays: input.reminderDays,
  recurrenceMonths: input.recurrenceMonths,
});

/** The network's rounds, the latest opening first. */
export async function listRounds(db: Db, networkId: number): Promise<Round[]> {
  return db.select().from(rounds).where(eq(rounds.networkId, networkId)).orderBy(desc(rounds.opensAt), desc(rounds.id));
}

export async function findRound(db: Db, networkId: number, roundId: number): Promise<Round | null> {
  const [round] = await db.select().from(rounds).where(and(eq(rounds.networkId, networkId), eq(rounds.id, roundId)));
  return round ?? null;
}

const titleKey = (title: string) => title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');

/** Whether another round of the network has this title, ignoring case and spacing (SQLite's lower() knows only ASCII). */
export async function titleTaken(db: Db, networkId: number, title: string, exceptRoundId?: number): Promise<boolean> {
  const others = await db
    .select({ title: rounds.title })
    .from(rounds)
    .where(and(eq(rounds.networkId, networkId), exceptRoundId === undefined ? undefined : ne(rounds.id, exceptRoundId)));
  return others.some((other) => titleKey(other.title) === titleKey(title));
}

/** The round scheduled from this one, if any. */
export async function findNextRound(db: Db, roundId: number): Promise<Round | null> {
  const [round] = await db.select().from(rounds).where(eq(rounds.previousRoundId, roundId));
  return round ?? null;
}

/** A new round is a draft; the scheduler opens it at its opening time unless a coordinator opens it sooner. */
export async function createRound(db: Db, clock: Clock, networkId: number, input: RoundInput): Promise<Round> {
  const [round] = await db
    .insert(rounds)
    .values({ ...stored(input), networkId, status: 'draft', createdAt: clock.now().toISOString() })
    .returning();
  return round!;
}

/** A closed round's settings are its record: they no longer change. */
export function assertEditable(round: Round): void {
  if (round.status === 'closed') throw new RoundRefused('closed');
}

/**
 * Saves an edit made on the round as it was read. The status in the WHERE
 * clause refuses the edit if the scheduler opened or closed the round
 * meanwhile, so a draft's questionnaire never changes under an open round.
 */
export async function updateRound(db: Db, round: Round, input: RoundInput): Promise<Round> {
  assertEditable(round);
  const [updated] = await db
    .update(rounds)
    .set(stored(input))
    .where(and(eq(rounds.id, round.id), eq(rounds.status, round.status)))
    .returning();
  if (!updated) throw new RoundRefused('changed');
  return updated;
}

/**
 * Only a draft can be deleted: an opened round has invitations and perhaps
 * answers. Deleting a scheduled next round ends its series, or the scheduler
 * would create it again from the previous round.
 */
export async function deleteDraft(db: Db, round: Round): Promise<void> {
  if (round.status !== 'draft') throw new RoundRefused(round.status === 'closed' ? 'closed' : 'draft_only');
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(rounds).where(and(eq(rounds.id, round.id), eq(rounds.status, 'draft'))).returning({ id: rounds.id });
    if (deleted.length === 0) throw new RoundRefused('changed');
    if (round.previousRoundId !== null) await tx.update(rounds).set({ recurrenceMonths: null }).where(eq(rounds.id, round.previousRoundId));
  });
}
