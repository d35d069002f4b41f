import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/accounts/sessions.js';
import { invitations, rounds } from '../../src/db/schema/index.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson, type SignedIn } from '../helpers/people.js';
import { markInvitationAnswered } from '../helpers/receipts.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

async function page(user: SignedIn, path: string) {
  const response = await t.app.request(path, { headers: { cookie: user.cookie } });
  const html = await response.text();
  return { status: response.status, main: html.slice(html.indexOf('<main'), html.indexOf('</main>')) };
}

/** Sessions last hours, and the test moves the clock by weeks: a fresh session at the new time. */
async function signInAgain(user: SignedIn): Promise<SignedIn> {
  const { token, csrfToken } = await createSession(t.deps.db, t.deps.clock, t.deps.secretKey, user.userId);
  return { userId: user.userId, cookie: `vp_session=${token}`, csrf: csrfToken };
}

/**
 * A round that opened on 1 January and closed on 20 February 2026, with five
 * answers and three invitations; the roster is changed through the real routes
 * long before, shortly before, during and after it.
 */
async function setup() {
  const clock = fixedClock('2025-11-01T10:00:00.000Z');
  t = await createTestApp({ clock });
  const people = await networkWithPeople(t);
  const api = `/api/networks/${people.network.id}/members`;
  const add = async (name: string, email: string) => (await (await t.app.request(api, sendJson(await signInAgain(people.coordinator), 'POST', { name, email }))).json()).member.id as number;
  const maija = await add('Maija Meikäläinen', 'maija@koulu.example');
  const pekka = await add('Pekka Virtanen', 'pekka@koulu.example');
  const round = await roundWithResponses(t, people.network.id, [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v)), { closesAt: '2026-02-20T14:00:00.000Z' });
  await t.deps.db.update(rounds).set({ openedAt: '2026-01-01T06:00:00.000Z', closedAt: '2026-02-20T14:00:00.000Z' }).where(eq(rounds.id, round.id));
  clock.set('2025-12-22T08:00:00.000Z');
  const anna = await add('Anna Aaltonen', 'anna@koulu.example');
  const now = '2026-01-01T06:00:00.000Z';
  await t.deps.db.insert(invitations).values([maija, pekka, anna].map((memberId) => ({ roundId: round.id, memberId, sentAt: now, createdAt: now })));
  clock.set('2026-01-15T08:00:00.000Z');
  await t.app.request(`/networks/${people.network.id}/members/${maija}`, postForm(await signInAgain(people.coordinator), { name: 'Maija Meikäläinen', email: 'oma.osoite@kunta.example' }));
  clock.set('2026-03-01T08:00:00.000Z');
  await t.app.request(`${api}/${pekka}/deactivate`, sendJson(await signInAgain(people.coordinator), 'POST'));
  return { ...people, coordinator: await signInAgain(people.coordinator), leader: await signInAgain(people.leader), round };
}

describe('a round’s results and the activity log', () => {
  it('show how many were invited and the roster changes shortly before and during the round, not those long before or after', async () => {
    const { network, leader, coordinator, round } = await setup();
    for (const user of [leader, coordinator]) {
      const { status, main } = await page(user, `/networks/${network.id}/results/rounds/${round.id}?lang=fi`);
      expect(status).toBe(200);
      expect(main).toMatch(/<dt>Kutsuttuja<\/dt><dd>3<\/dd>/);
      expect(main).toContain('Kutsut ja jäsenluettelon muutokset');
      expect(main).toContain('Tapahtumat kahdesta viikosta ennen kierroksen avautumista sen sulkeutumiseen (2):');
      expect(main).toContain('koordinaattori lisäsi jäsenen Anna Aaltonen (anna@koulu.example).');
      expect(main).toContain('Sähköposti: maija@koulu.example → oma.osoite@kunta.example');
      expect(main).toContain('15.1.2026 klo 10.00');
      expect(main, 'added long before the round').not.toContain('pekka@koulu.example');
      expect(main, 'deactivated after it closed').not.toContain('passivoi');
      expect(main).toContain(`href="/networks/${network.id}/audit?round=${round.id}"`);
    }
  });

  it('the log filtered to the round shows the same period, for leaders too, and no answer state of anyone', async () => {
    const { network, other, leader, round } = await setup();
    const filtered = await page(leader, `/networks/${network.id}/audit?round=${round.id}&lang=en`);
    expect(filtered.status).toBe(200);
    expect(filtered.main).toContain('Events relating to the round “Kierros 2026-02”');
    expect(filtered.main).toContain('18 December 2025 at 08:00 to 20 February 2026 at 16:00');
    expect(filtered.main).toContain('Entries: 2');
    const json = await (await t.app.request(`/api/networks/${network.id}/audit?round=${round.id}`, { headers: { cookie: leader.cookie } })).json();
    expect(json.events.map((event: { action: string }) => event.action)).toEqual(['member_changed', 'member_added']);
    expect(json.round).toEqual({ id: round.id, title: 'Kierros 2026-02', from: '2025-12-18T06:00:00.000Z', until: '2026-02-20T14:00:00.000Z' });
    // Whatever the members did with their links, the log says nothing of it.
    for (const invitation of await t.deps.db.select().from(invitations).where(eq(invitations.roundId, round.id))) await markInvitationAnswered(t.deps, round.id, invitation.id, '2026-01-05');
    await t.deps.db.update(rounds).set({ lastRemindedAt: '2026-02-10T08:00:00.000Z' }).where(eq(rounds.id, round.id));
    const again = await (await t.app.request(`/api/networks/${network.id}/audit?round=${round.id}`, { headers: { cookie: leader.cookie } })).json();
    expect(again).toEqual(json);
    expect(JSON.stringify(json)).not.toMatch(/used|answer|respon|remind/i);
    const foreign = await roundWithResponses(t, other.id, []);
    expect((await page(leader, `/networks/${network.id}/audit?round=${foreign.id}`)).status).toBe(404);
  });
});
