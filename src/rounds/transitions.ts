import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import { recordVersionUse } from '../catalogue/immutability.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import { checkpoint, type Db } from '../db/client.js';
import { networks, outgoingMail, rounds } from '../db/schema/index.js';
import { mixRound } from '../responses/mix.js';
import { initialiseTallies } from '../responses/tallies.js';
import { RoundRefused } from './refusals.js';
import type { Round } from './rounds.js';
import { invitationsOfRound } from './invited-count.js';

type Deps = { db: Db; catalogue: Catalogue; clock: Clock };

async function current(db: Db, roundId: number): Promise<Round> {
  const [round] = await db.select().from(rounds).where(eq(rounds.id, roundId));
  if (!round) throw new RoundRefused('changed');
  return round;
}

/**
 * Opens a draft, by hand or at its opening time. One transaction records the
 * version's use (it is immutable from now on), fixes whether segments are
 * collected and the anonymity threshold, and creates the round's zeroed tallies; the conditional UPDATE
 * makes a second opener, in this process or another, change nothing.
 */
export async function openRound({ db, catalogue, clock }: Deps, roundId: number, actor: Actor): Promise<Round> {
  const round = await current(db, roundId);
  if (round.status !== 'draft') throw new RoundRefused(round.status === 'open' ? 'already_open' : 'closed');
  const now = clock.now();
  if (round.closesAt <= now.toISOString()) throw new RoundRefused('closing_passed');
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  if (!version) throw new RoundRefused('version_missing');
  return db.transaction(async (tx) => {
    const [network] = await tx
      .select({ collectSegments: networks.collectSegments, anonymityThreshold: networks.anonymityThreshold, openAnswerThreshold: networks.openAnswerThreshold })
      .from(networks)
      .where(eq(networks.id, round.networkId));
    const collectSegments = network?.collectSegments ?? false;
    const [opened] = await tx
      .update(rounds)
      .set({ status: 'open', openedAt: now.toISOString(), collectSegments, anonymityThreshold: network?.anonymityThreshold ?? null, openAnswerThreshold: network?.openAnswerThreshold ?? null })
      .where(and(eq(rounds.id, round.id), eq(rounds.status, 'draft')))
      .returning();
    if (!opened) throw new RoundRefused('changed');
    await recordVersionUse(tx, version, now);
    await recordAudit(tx, { networkId: opened.networkId, actor, at: now, action: 'round_opened', roundId: opened.id, details: {} });
    await initialiseTallies(tx, opened.id, version, collectSegments);
    return opened;
  });
}

/**
 * Closes an open round, by hand or at its closing time. Invitations and
 * reminders not yet delivered (or waiting in the outbox) are deleted with it:
 * their links no longer work, and stored links must not linger. Then the
 * round's sealed responses are written out in random order (responses/mix.ts)
 * and the write-ahead log is emptied, so that no earlier state of a page stays
 * in it.
 */
export async function closeRound(deps: Deps & { secretKey: string }, roundId: number, actor: Actor): Promise<Round> {
  const { db, clock } = deps;
  const round = await current(db, roundId);
  if (round.status !== 'open') throw new RoundRefused(round.status === 'closed' ? 'closed' : 'not_open');
  const closed = await db.transaction(async (tx) => {
    const [closed] = await tx
      .update(rounds)
      .set({ status: 'closed', closedAt: clock.now().toISOString(), invitedTotal: invitationsOfRound })
      .where(and(eq(rounds.id, round.id), eq(rounds.status, 'open')))
      .returning();
    if (!closed) throw new RoundRefused('changed');
    await recordAudit(tx, { networkId: closed.networkId, actor, at: clock.now(), action: 'round_closed', roundId: closed.id, details: {} });
    const roundMail = and(eq(outgoingMail.roundId, round.id), inArray(outgoingMail.kind, ['invitation', 'reminder']));
    await tx.delete(outgoingMail).where(and(roundMail, inArray(outgoingMail.status, ['outbox', 'queued'])));
    // Failed mail stays for the round page's counts, but without the sealed links and addresses.
    await tx.update(outgoingMail).set({ sealed: null }).where(and(roundMail, eq(outgoingMail.status, 'failed')));
    return closed;
  });
  await mixRound(deps, closed.id);
  await checkpoint(db, 'TRUNCATE');
  return closed;
}
