import { newToken, hashToken } from '../../src/accounts/tokens.js';
import { invitations, members, rounds } from '../../src/db/schema/index.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import type { TestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';

/** An open network-rules round with `count` invited members, each with a working answer link. */
export async function roundWithInvitations(t: TestApp, count: number, options: { opensAt?: string; closesAt?: string; status?: 'draft' | 'open' | 'closed' } = {}) {
  const people = await networkWithPeople(t);
  const { network } = people;
  const version = t.deps.catalogue.find('network-rules', 1)!;
  const now = t.deps.clock.now().getTime();
  const [round] = await t.deps.db
    .insert(rounds)
    .values({
      networkId: network.id,
      questionnaireKey: version.key,
      questionnaireVersion: version.version,
      title: 'Kevät 2026',
      status: options.status ?? 'open',
      opensAt: options.opensAt ?? new Date(now - 86_400_000).toISOString(),
      closesAt: options.closesAt ?? new Date(now + 14 * 86_400_000).toISOString(),
      collectSegments: true,
      createdAt: new Date(now).toISOString(),
    })
    .returning();
  await initialiseTallies(t.deps.db, round!.id, version, true);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const [member] = await t.deps.db
      .insert(members)
      .values({ networkId: network.id, name: `Jäsen ${i}`, email: `jasen${i}@koulu.example`, createdAt: 'x', updatedAt: 'x' })
      .returning();
    const token = newToken(16);
    await t.deps.db.insert(invitations).values({ roundId: round!.id, memberId: member!.id, tokenHash: hashToken(t.deps.secretKey, token), sentAt: 'x', createdAt: 'x' });
    tokens.push(token);
  }
  return { network, people, round: round!, version, tokens };
}

/** A complete, valid answer: every scored statement, both background questions and one comment. */
export function fullAnswers(version: { items: Array<{ kind: string; name: string; segmentValues?: string[] }> }, seed = 0): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  version.items.forEach((item, i) => {
    if (item.kind === 'scored') answers[item.name] = (i + seed) % 9 === 0 ? 'none' : 1 + ((i + seed) % 5);
    if (item.kind === 'segment') answers[item.name] = item.segmentValues![seed % item.segmentValues!.length];
  });
  answers.r1_comment = 'Tavoitteet voisi kirjata näkyvämmin.';
  return answers;
}

export function submit(t: TestApp, token: string, body: unknown) {
  return t.app.request(`/a/${token}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
