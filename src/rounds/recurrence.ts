import { and, eq, isNotNull, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import { TITLE_MAX } from './round-input.js';
import { addHelsinkiMonths, helsinkiDateLabel } from './helsinki-time.js';
import type { Round } from './rounds.js';

const DATE_SUFFIX = /\s*\d{1,2}\.\d{1,2}\.\d{4}$/;

/** "Verkostokysely 2.3.2026" becomes "Verkostokysely 2.9.2026": the series' name with the new opening day. */
export function nextTitle(title: string, opensAt: Date): string {
  const base = title.replace(DATE_SUFFIX, '');
  const date = helsinkiDateLabel(opensAt);
  return base ? `${base.slice(0, TITLE_MAX - date.length - 1)} ${date}` : date;
}

/**
 * The next round of a series, as a draft with its schedule: the same
 * questionnaire at its latest version, the same planned duration, opening
 * recurrenceMonths after this round opened (its planned opening, or earlier
 * if a coordinator opened it sooner, so a late start never shifts the series).
 */
export function nextRoundOf(round: Round, catalogue: Catalogue, createdAt: Date): typeof rounds.$inferInsert | null {
  const latest = catalogue.forNetwork(round.networkId).versionsOf(round.questionnaireKey).at(-1);
  if (!round.recurrenceMonths || !latest) return null;
  const planned = new Date(round.opensAt);
  const start = round.openedAt && round.openedAt < round.opensAt ? new Date(round.openedAt) : planned;
  const opensAt = addHelsinkiMonths(start, round.recurrenceMonths);
  const closesAt = new Date(opensAt.getTime() + (new Date(round.closesAt).getTime() - planned.getTime()));
  return {
    networkId: round.networkId,
    questionnaireKey: latest.key,
    questionnaireVersion: latest.version,
    title: nextTitle(round.title, opensAt),
    titleTranslations: Object.fromEntries(Object.entries(round.titleTranslations).map(([lang, title]) => [lang, nextTitle(title, opensAt)])),
    status: 'draft',
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    reminderDays: round.reminderDays,
    recurrenceMonths: round.recurrenceMonths,
    previousRoundId: round.id,
    createdAt: createdAt.toISOString(),
  };
}

/** Opened or closed rounds of a series whose next round does not exist yet. */
export async function roundsDueToRecur(db: Db): Promise<Round[]> {
  const next = alias(rounds, 'next_round');
  const hasNext = db.select({ one: sql`1` }).from(next).where(eq(next.previousRoundId, rounds.id));
  return db
    .select()
    .from(rounds)
    .where(and(isNotNull(rounds.recurrenceMonths), ne(rounds.status, 'draft'), notExists(hasNext)));
}

/** Creates the next round at most once: the unique index on previous_round_id turns a second insert into nothing. */
export async function createNextRound(db: Db, catalogue: Catalogue, clock: Clock, round: Round): Promise<Round | null> {
  const values = nextRoundOf(round, catalogue, clock.now());
  if (!values) return null;
  const [created] = await db.insert(rounds).values(values).onConflictDoNothing().returning();
  return created ?? null;
}
