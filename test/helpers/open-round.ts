import { hashToken, newToken } from '../../src/accounts/tokens.js';
import { invitations, members, networkRoles, rounds, users, type Language } from '../../src/db/schema/index.js';
import { createNetwork } from '../../src/networks/networks.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import type { TestApp } from './app.js';

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
};

/**
 * A network with a named coordinator, an open network-rules v1 round (opened
 * yesterday, closing in two weeks by the test clock) and one invited member
 * whose answer link is `path`.
 */
export async function openRound(t: TestApp, options: OpenRoundOptions = {}) {
  const { db, clock, catalogue, secretKey } = t.deps;
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
    collectSegments: false,
    bandStrength: 4,
    bandConcern: 3,
  });
  const version = catalogue.find('network-rules', 1)!;
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
      createdAt: created,
    })
    .returning();
  await initialiseTallies(db, round!.id, version, false);
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
  const token = newToken(16);
  await db.insert(invitations).values({ roundId: round!.id, memberId: member!.id, tokenHash: hashToken(secretKey, token), sentAt: created, createdAt: created });
  return { network, round: round!, member: member!, version, coordinator: coordinator!, token, path: `/a/${token}` };
}

/** Another coordinator of the same network, for pages that name every coordinator. */
export async function addCoordinator(t: TestApp, networkId: number, name: string): Promise<void> {
  const [user] = await t.deps.db
    .insert(users)
    .values({ email: `${newToken(16)}@kunta.example`, name, passwordHash: 'not used', createdAt: t.deps.clock.now().toISOString() })
    .returning();
  await t.deps.db.insert(networkRoles).values({ networkId, userId: user!.id, role: 'coordinator' });
}
