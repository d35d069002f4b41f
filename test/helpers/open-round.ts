import { hashToken, newToken } from '../../src/accounts/tokens.js';
import { invitations, members, networkRoles, rounds, users, type Language } from '../../src/db/schema/index.js';
import { sendInvitations } from '../../src/rounds/invite.js';
import type { Round } from '../../src/rounds/rounds.js';
import type { Network } from '../../src/networks/networks.js';
import { createNetwork } from '../../src/networks/networks.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import type { TestApp } from './app.js';
import { openedMailRows } from './mail-rows.js';

const DAY = 86_400_000;

export type OpenRoundOptions = {
  networkName?: string;
  networkLanguages?: Language[];
  anonymityThreshold?: number;
  memberName?: string;
  memberLanguage?: Language;
  roundTitle?: string;
  status?: 'draft' | 'open' | 'closed';
  opensAt?: string;
  closesAt?: string;
  /** The network-rules version the round runs; shipped v1 by default. */
  questionnaireVersion?: number;
  /** The round asks the background questions (and the network collects them); off by default. */
  collectSegments?: boolean;
};

/**
 * A network with a named coordinator, an open network-rules round (v1 unless told; opened
 * yesterday, closing in two weeks by the test clock) and one invited member
 * whose answer link is `path`, taken from the invitation email in the outbox.
 */
export async function openRound(t: TestApp, options: OpenRoundOptions = {}) {
  const { db, clock, catalogue } = t.deps;
  const now = clock.now().getTime();
  const created = new Date(now).toISOString();
  const [coordinator] = await db
    .insert(users)
    .values({ email: `koordinaattori-${newToken(16)}@kunta.example`, name: 'Kaisa Koordinaattori', passwordHash: 'not used', createdAt: created })
    .returning();
  const network = await createNetwork(db, clock, coordinator!.id, {
    name: options.networkName ?? 'Kuntien koulut -verkosto',
    languages: options.networkLanguages ?? ['fi', 'sv'],
    anonymityThreshold: options.anonymityThreshold ?? 5,
    collectSegments: options.collectSegments ?? false,
    bandStrength: 4,
    bandConcern: 3,
  });
  const version = catalogue.find('network-rules', options.questionnaireVersion ?? 1)!;
  const [round] = await db
    .insert(rounds)
    .values({
      networkId: network.id,
      questionnaireKey: version.key,
      questionnaireVersion: version.version,
      title: options.roundTitle ?? 'Kevät 2026',
      status: options.status ?? 'open',
      opensAt: options.opensAt ?? new Date(now - DAY).toISOString(),
      closesAt: options.closesAt ?? new Date(now + 14 * DAY).toISOString(),
      collectSegments: options.collectSegments ?? false,
      createdAt: created,
    })
    .returning();
  await initialiseTallies(db, round!.id, version, options.collectSegments ?? false);
  const [member] = await db
    .insert(members)
    .values({
      networkId: network.id,
      name: options.memberName ?? 'Maija Meikäläinen',
      email: `jasen-${newToken(16)}@koulu.example`,
      language: options.memberLanguage ?? 'fi',
      createdAt: created,
      updatedAt: created,
    })
    .returning();
  const token = await invite(t, round!, network, member!.id);
  return { network, round: round!, member: member!, version, coordinator: coordinator!, token, path: `/a/${token}` };
}

/**
 * An open round's link is sent the real way and read back from the emailed
 * text in the outbox; other states cannot take invitations, so theirs is made directly.
 */
async function invite(t: TestApp, round: Round, network: Network, memberId: number): Promise<string> {
  const { db, secretKey, clock } = t.deps;
  const now = clock.now().toISOString();
  if (round.status === 'open' && round.opensAt <= now && now < round.closesAt) {
    await sendInvitations(t.deps, round, network, { name: 'Kaisa Koordinaattori', email: null }, null);
    const mail = (await openedMailRows(t.deps)).filter((row) => row.roundId === round.id).at(-1);
    return mail!.textBody!.match(/\/a\/([A-Za-z0-9_-]+)/)![1]!;
  }
  const token = newToken(16);
  await db.insert(invitations).values({ roundId: round.id, memberId, tokenHash: hashToken(secretKey, token), sentAt: now, createdAt: now });
  return token;
}

/** Another coordinator of the same network, for pages that name every coordinator. */
export async function addCoordinator(t: TestApp, networkId: number, name: string): Promise<void> {
  const [user] = await t.deps.db
    .insert(users)
    .values({ email: `${newToken(16)}@kunta.example`, name, passwordHash: 'not used', createdAt: t.deps.clock.now().toISOString() })
    .returning();
  await t.deps.db.insert(networkRoles).values({ networkId, userId: user!.id, role: 'coordinator' });
}
