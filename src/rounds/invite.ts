import { and, asc, count, eq, inArray, notExists, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Db, Tx } from '../db/client.js';
import { invitations, members, rounds } from '../db/schema/index.js';
import type { Member } from '../members/members.js';
import type { Network } from '../networks/networks.js';
import { invitationTokenHash } from './invitation-links.js';
import { RoundRefused } from './refusals.js';
import { queueRoundMail, roundMailLength, type RoundMailDeps, type Sender } from './round-mail.js';
import type { Round } from './rounds.js';
import { roundThreshold } from './threshold.js';

type Deps = RoundMailDeps & { db: Db };

/** Refuses mail for a round that is not open or whose closing time has passed: the links would not work. */
export async function assertTakesMail(db: Db | Tx, roundId: number, now: Date): Promise<void> {
  const [round] = await db.select({ status: rounds.status, closesAt: rounds.closesAt }).from(rounds).where(eq(rounds.id, roundId));
  if (!round) throw new RoundRefused('changed');
  if (round.status === 'draft') throw new RoundRefused('invite_draft');
  if (round.status === 'closed') throw new RoundRefused('closed');
  if (round.closesAt <= now.toISOString()) throw new RoundRefused('closing_passed');
}

/** Active members of the network who have no invitation to the round yet, by name. */
export async function uninvitedMembers(db: Db | Tx, network: Pick<Network, 'id'>, roundId: number, only?: readonly number[]): Promise<Member[]> {
  const invited = db
    .select({ one: sql`1` })
    .from(invitations)
    .where(and(eq(invitations.roundId, roundId), eq(invitations.memberId, members.id)));
  return db
    .select()
    .from(members)
    .where(and(eq(members.networkId, network.id), eq(members.active, true), notExists(invited), only ? inArray(members.id, [...only]) : undefined))
    .orderBy(asc(members.name), asc(members.id));
}

/**
 * A round goes to the whole active roster or to a chosen group of at least 2k:
 * a coordinator who could invite the target and a few addresses of their own
 * would read her answers off the figures.
 */
async function assertLargeEnough(tx: Tx, round: Round, network: Network, adding: number): Promise<void> {
  const [invited] = await tx.select({ n: count() }).from(invitations).where(eq(invitations.roundId, round.id));
  const least = 2 * roundThreshold(round, network);
  if ((invited?.n ?? 0) + adding < least) throw new RoundRefused('chosen_too_few', { min: least });
}

/**
 * Invites the network's active members who are not invited yet (or those of
 * `only` among them): members added while the round is open are invited by
 * the same action. Each invitation row and its mail are written in one
 * transaction, so there is never an invitation without its mail or the
 * reverse; the unique (round, member) index stops a second invitation.
 */
export async function sendInvitations(deps: Deps, round: Round, network: Network, sender: Sender, actor: Actor, only?: readonly number[]): Promise<number> {
  const now = deps.clock.now();
  await assertTakesMail(deps.db, round.id, now);
  const paddedLength = await roundMailLength(deps, 'invitation', round, network, sender);
  return deps.db.transaction(async (tx) => {
    // Read again inside the transaction: closing in between deletes unsent mail, and must not be outrun.
    await assertTakesMail(tx, round.id, now);
    const chosen = await uninvitedMembers(tx, network, round.id, only);
    if (only) await assertLargeEnough(tx, round, network, chosen.length);
    let invited = 0;
    for (const member of chosen) {
      const [row] = await tx
        .insert(invitations)
        .values({ roundId: round.id, memberId: member.id, sentAt: now.toISOString(), createdAt: now.toISOString() })
        .onConflictDoNothing()
        .returning({ id: invitations.id });
      if (!row) continue;
      await tx.update(invitations).set({ tokenHash: invitationTokenHash(deps.secretKey, row.id) }).where(eq(invitations.id, row.id));
      await queueRoundMail(tx, deps, 'invitation', round, network, sender, { invitationId: row.id, email: member.email, language: member.language }, paddedLength);
      invited++;
    }
    if (invited > 0) await recordAudit(tx, { networkId: network.id, actor, at: now, action: 'invitations_sent', roundId: round.id, details: { count: invited, to: only ? 'chosen' : 'all' } });
    return invited;
  });
}
