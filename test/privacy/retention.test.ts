import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { invitations, members, outgoingMail, rounds } from '../../src/db/schema/index.js';
import { enqueueMail } from '../../src/mail/queue.js';
import { roundProgress } from '../../src/rounds/progress.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { grantRole, networkWithPeople, postForm, signedInUser, type SignedIn } from '../helpers/people.js';
import { databaseFileBytes } from '../helpers/db.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const DAY = 86_400_000;

async function world(clock = fixedClock('2026-03-02T09:00:00.000Z')) {
  t = await createTestApp({ clock });
  const people = await networkWithPeople(t);
  const now = clock.now().toISOString();
  const roster = await t.deps.db
    .insert(members)
    .values(['aino@koulu.example', 'bertil@skola.example', 'cecilia@kunta.example'].map((email) => ({ networkId: people.network.id, name: email.split('@')[0]!, email, createdAt: now, updatedAt: now })))
    .returning();
  const [round] = await t.deps.db
    .insert(rounds)
    .values({ networkId: people.network.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'Kevät 2026', status: 'closed', opensAt: '2026-02-01T08:00:00.000Z', closesAt: '2026-03-01T14:00:00.000Z', closedAt: '2026-03-01T14:00:00.000Z', createdAt: now })
    .returning();
  await t.deps.db.insert(invitations).values(roster.map((m, i) => ({ roundId: round!.id, memberId: m.id, tokenHash: `kutsutunniste-${i}-poistettava`, sentAt: now, createdAt: now })));
  await t.deps.db.insert(outgoingMail).values({ networkId: people.network.id, roundId: round!.id, kind: 'invitation', status: 'failed', lastError: 'mailbox full', createdAt: now });
  return { ...people, clock, round: round!, roster };
}

/** Weeks on, the first coordinator's session has ended: a colleague signed in now reads the pages. */
async function signedInToday(networkId: number): Promise<SignedIn> {
  const colleague = await signedInUser(t, `kollega-${Date.now()}@kunta.example`);
  await grantRole(t, networkId, colleague.userId, 'coordinator');
  return colleague;
}

const page = async (user: SignedIn, path: string) => (await t.app.request(path, { headers: { cookie: user.cookie } })).text();

describe('retention, carried out by the scheduler', () => {
  it('erases a closed round’s invitations and mail log after the network’s days, keeping its response rate, and says when on the round page', async () => {
    const { network, coordinator, clock, round } = await world();
    expect(await page(coordinator, `/networks/${network.id}/rounds/${round.id}`)).toContain('Kierroksen kutsut ja postiloki poistetaan 31.3.2026 klo 17.00.');

    clock.set(new Date(Date.parse(round.closedAt!) + 29 * DAY).toISOString());
    expect((await runDueWork(t.deps)).erased.rounds).toBe(0);
    expect(await t.deps.db.select().from(invitations)).toHaveLength(3);

    clock.set(new Date(Date.parse(round.closedAt!) + 30 * DAY + 1000).toISOString());
    expect((await runDueWork(t.deps)).erased).toEqual({ rounds: 1, members: 0, results: 0 });
    expect(await t.deps.db.select().from(invitations)).toHaveLength(0);
    expect(await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.roundId, round.id))).toHaveLength(0);
    expect((await roundProgress(t.deps.db, round.id)).invited).toBe(3);
    expect(await page(await signedInToday(network.id), `/networks/${network.id}/rounds/${round.id}`)).toContain('Kierroksen kutsut ja postiloki poistettiin 31.3.2026');
    expect(databaseFileBytes(t.database)).not.toContain('kutsutunniste-');
    // Once is enough.
    expect((await runDueWork(t.deps)).erased.rounds).toBe(0);
  });

  it('erases a deactivated member after the network’s months, from the roster, the log and the file', async () => {
    const { network, coordinator, clock, roster } = await world();
    await t.app.request(`/networks/${network.id}/members/${roster[0]!.id}/deactivate`, postForm(coordinator, {}));
    expect(await page(coordinator, `/networks/${network.id}/members/${roster[0]!.id}`)).toContain('Passivoitu jäsen poistetaan pysyvästi 2.3.2027, ellei häntä aktivoida uudelleen.');

    clock.set('2027-03-01T09:00:00.000Z');
    expect((await runDueWork(t.deps)).erased.members).toBe(0);
    clock.set('2027-03-02T10:00:00.000Z');
    expect((await runDueWork(t.deps)).erased.members).toBe(1);
    expect((await t.deps.db.select().from(members)).map((m) => m.email).sort()).toEqual(['bertil@skola.example', 'cecilia@kunta.example']);
    const log = await page(await signedInToday(network.id), `/networks/${network.id}/audit`);
    expect(log).toContain('Säilytysajan ylittäneitä passivoituja jäseniä poistettiin pysyvästi: 1.');
    expect(log).toContain('passivoi jäsenen (poistettu henkilö)');
    expect(log).not.toContain('aino@koulu.example');
    expect(databaseFileBytes(t.database)).not.toContain('aino@koulu.example');
  });
});

describe('erasing a member by hand', () => {
  it('removes them, their waiting mail and their name in the log at once; the do-not-invite list then refuses them by hand and by import without keeping the address', async () => {
    const { network, coordinator, round, roster } = await world();
    await enqueueMail(t.deps.db, t.deps, { networkId: network.id, kind: 'password-reset', recipient: 'bertil@skola.example', subject: 'x', textBody: 'x', htmlBody: 'x' });
    const confirm = await page(coordinator, `/networks/${network.id}/members/${roster[1]!.id}/erase`);
    expect(confirm).toContain('Poistetaanko bertil pysyvästi?');
    const erased = await t.app.request(`/networks/${network.id}/members/${roster[1]!.id}/erase`, postForm(coordinator, { doNotInvite: 'true' }));
    expect(erased.status).toBe(303);
    expect(await page(coordinator, erased.headers.get('location')!)).toContain('Jäsen on poistettu pysyvästi, ja osoite on älä kutsu -listalla.');
    expect((await t.deps.db.select().from(members)).map((m) => m.email)).not.toContain('bertil@skola.example');
    expect(await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.kind, 'password-reset'))).toHaveLength(0);
    expect((await roundProgress(t.deps.db, round.id)).invited).toBe(3);
    expect(databaseFileBytes(t.database)).not.toContain('bertil@skola.example');

    const again = await t.app.request(`/networks/${network.id}/members/new`, postForm(coordinator, { name: 'Bertil', email: 'Bertil@Skola.example', organisationType: 'other', language: 'sv' }));
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('Tämä osoite on verkoston älä kutsu -listalla');
    const csv = 'nimi;sähköposti\nBertil;bertil@skola.example\nDora;dora@koulu.example';
    const preview = await t.app.request(`/networks/${network.id}/members/import`, postForm(coordinator, { csv }));
    expect(await preview.text()).toContain('Osoite bertil@skola.example on verkoston älä kutsu -listalla, joten sitä ei lisätä.');
    expect(await page(coordinator, `/networks/${network.id}/members/do-not-invite`)).toContain('Osoitteita listalla: 1');
    expect(databaseFileBytes(t.database)).not.toContain('bertil@skola.example');

    // Taken off the list (the person changed their mind), the address can be added again.
    const off = await t.app.request(`/networks/${network.id}/members/do-not-invite`, postForm(coordinator, { email: 'bertil@skola.example', action: 'remove' }));
    expect(await off.text()).toContain('Osoite on poistettu älä kutsu -listalta.');
    expect((await t.app.request(`/networks/${network.id}/members/new`, postForm(coordinator, { name: 'Bertil', email: 'bertil@skola.example', organisationType: 'other', language: 'sv' }))).status).toBe(303);
  });

  it('is for the network’s coordinators only, and the list refuses an address on the roster or a bad one', async () => {
    const { network, coordinator, leader, outsider, roster } = await world();
    expect((await t.app.request(`/networks/${network.id}/members/${roster[0]!.id}/erase`, postForm(leader, {}))).status).toBe(403);
    expect((await t.app.request(`/networks/${network.id}/members/${roster[0]!.id}/erase`, postForm(outsider, {}))).status).toBe(404);
    expect(await t.deps.db.select().from(members)).toHaveLength(3);
    const onRoster = await t.app.request(`/networks/${network.id}/members/do-not-invite?lang=en`, postForm(coordinator, { email: 'aino@koulu.example', action: 'add' }));
    expect(onRoster.status).toBe(409);
    expect(await onRoster.text()).toContain('The address is on the member list. Erase the member for good first');
    const bad = await t.app.request(`/networks/${network.id}/members/do-not-invite?lang=sv`, postForm(coordinator, { email: 'ei osoite', action: 'add' }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Skriv en fungerande e-postadress.');
  });
});
