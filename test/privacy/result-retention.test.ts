import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../src/accounts/tokens.js';
import { actions, answerReceipts, dailyResponseCounts, invitations, itemTallies, measureTallies, members, networks, outgoingMail, responses, rounds, sealedResponses } from '../../src/db/schema/index.js';
import { enqueueMail } from '../../src/mail/queue.js';
import { formatDateTime } from '../../src/mail/format-date.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import { addHelsinkiMonths } from '../../src/rounds/helsinki-time.js';
import { roundProgress } from '../../src/rounds/progress.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { fullAnswers, submit } from '../answering/fixture.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { databaseFileBytes } from '../helpers/db.js';
import { grantRole, networkWithPeople, postForm, signedInUser, type SignedIn } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const SECRET_COMMENT = 'Poistettava-salainen-kommentti';
const KEPT_COMMENT = 'Sailyva-toisen-kierroksen-kommentti';

/**
 * A network with two closed rounds: "Syksy 2025", answered by six members
 * through the answer links and closed by the scheduler (so it has receipts,
 * per-day counts, tallies and mixed responses), and a later round that must
 * stay untouched.
 */
async function world() {
  const clock = fixedClock('2025-09-01T09:00:00.000Z');
  t = await createTestApp({ clock });
  const people = await networkWithPeople(t);
  const version = t.deps.catalogue.find('network-rules', 1)!;
  const [due] = await t.deps.db
    .insert(rounds)
    .values({ networkId: people.network.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'Syksy 2025', status: 'open', opensAt: '2025-08-31T06:00:00.000Z', closesAt: '2025-09-15T14:00:00.000Z', collectSegments: true, createdAt: clock.now().toISOString() })
    .returning();
  await initialiseTallies(t.deps.db, due!.id, version, true);
  for (let i = 0; i < 6; i++) {
    const [member] = await t.deps.db.insert(members).values({ networkId: people.network.id, name: `Jäsen ${i}`, email: `jasen${i}@koulu.example`, createdAt: 'x', updatedAt: 'x' }).returning();
    const token = newToken(16);
    await t.deps.db.insert(invitations).values({ roundId: due!.id, memberId: member!.id, tokenHash: hashToken(t.deps.secretKey, token), sentAt: 'x', createdAt: 'x' });
    const answered = await submit(t, token, { answers: { ...fullAnswers(version, i), r1_comment: `${SECRET_COMMENT} ${i}` }, language: 'fi' });
    expect(answered.status).toBe(201);
  }
  clock.set('2025-09-15T14:00:01.000Z');
  expect((await runDueWork(t.deps)).closed).toBe(1);
  const kept = await roundWithResponses(
    t,
    people.network.id,
    Array.from({ length: 6 }, (_, i) => uniformAnswers(t, 2 + (i % 3), { r1_comment: `${KEPT_COMMENT} ${i}` })),
    { closesAt: '2026-02-20T14:00:00.000Z' },
  );
  await t.deps.db.update(rounds).set({ closedAt: kept.closesAt }).where(eq(rounds.id, kept.id));
  // The agenda holds an action prompted by the round whose results will go.
  await t.deps.db.insert(actions).values({ networkId: people.network.id, roundId: due!.id, measure: 'rule:1', description: 'Kirjataan tavoitteet', createdAt: 'x', updatedAt: 'x' });
  const [closed] = await t.deps.db.select().from(rounds).where(eq(rounds.id, due!.id));
  // Two weeks on, the first sessions have ended.
  return { network: people.network, coordinator: await signedInToday(people.network.id), leader: await signedInToday(people.network.id, 'leader'), clock, due: closed!, kept };
}

/** The rounds' stored answers, table by table. */
async function storedOf(roundId: number) {
  const { db } = t.deps;
  const count = async (table: typeof responses | typeof sealedResponses | typeof answerReceipts | typeof dailyResponseCounts | typeof itemTallies | typeof measureTallies) =>
    (await db.select().from(table).where(eq(table.roundId, roundId))).length;
  return {
    responses: await count(responses),
    sealed: await count(sealedResponses),
    receipts: await count(answerReceipts),
    days: await count(dailyResponseCounts),
    itemTallies: await count(itemTallies),
    measureTallies: await count(measureTallies),
  };
}

/** Months on, the first coordinator's session has ended: a colleague signed in now reads the pages. */
async function signedInToday(networkId: number, role: 'coordinator' | 'leader' = 'coordinator'): Promise<SignedIn> {
  const colleague = await signedInUser(t, `kollega-${newToken(8)}@kunta.example`);
  await grantRole(t, networkId, colleague.userId, role);
  return colleague;
}

const get = async (user: SignedIn, path: string) => {
  const response = await t.app.request(path, { headers: { cookie: user.cookie } });
  return { status: response.status, html: await response.text() };
};

const settings = (resultRetentionMonths: string) => ({
  name: 'Testiverkosto',
  languages: ['fi', 'sv', 'en'],
  defaultLanguage: 'fi',
  anonymityThreshold: '5',
  collectSegments: 'on',
  bandStrength: '4',
  bandConcern: '3',
  invitationRetentionDays: '30',
  inactiveMemberRetentionMonths: '12',
  resultRetentionMonths,
});

describe('result retention, carried out by the scheduler', () => {
  it('erases exactly the due round’s responses and figures after the network’s months, leaving no copy in the file', async () => {
    const { network, coordinator, clock, due, kept } = await world();
    const roundPage = `/networks/${network.id}/rounds/${due.id}`;
    expect((await get(coordinator, roundPage)).html).toContain('Kierroksen vastaukset ja tulokset säilytetään, kunnes koordinaattori poistaa ne.');

    expect((await t.app.request(`/networks/${network.id}/settings`, postForm(coordinator, settings('12')))).status).toBe(200);
    const [saved] = await t.deps.db.select().from(networks).where(eq(networks.id, network.id));
    expect(saved!.resultRetentionMonths).toBe(12);
    const erasedOn = addHelsinkiMonths(new Date(due.closedAt!), 12);
    expect(erasedOn.toISOString()).toBe('2026-09-15T14:00:01.000Z');
    expect((await get(coordinator, roundPage)).html).toContain(`Kierroksen vastaukset ja tulokset poistetaan ${formatDateTime(erasedOn, 'fi')}.`);

    const before = await storedOf(due.id);
    expect(before).toMatchObject({ responses: 6, sealed: 0, receipts: 6 });
    expect(before.days).toBeGreaterThan(0);
    expect(before.itemTallies).toBeGreaterThan(0);
    const keptBefore = await storedOf(kept.id);
    expect(databaseFileBytes(t.database)).toContain(SECRET_COMMENT);

    clock.set(new Date(erasedOn.getTime() - 1000).toISOString());
    expect((await runDueWork(t.deps)).erased.results).toBe(0);
    expect((await storedOf(due.id)).responses).toBe(6);

    // A leaders' digest with the round's figures waits for a relay that is down.
    await enqueueMail(t.deps.db, t.deps, { networkId: network.id, kind: 'digest', recipient: 'rehtori@kunta.example', subject: 'Kooste', textBody: `Luvut: ${SECRET_COMMENT}`, htmlBody: '<p>Luvut</p>' });
    const unsentDigests = async () => (await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.kind, 'digest'))).filter((mail) => mail.status !== 'sent');
    expect((await unsentDigests()).length).toBeGreaterThan(0);

    clock.set(new Date(erasedOn.getTime() + 1000).toISOString());
    expect((await runDueWork(t.deps)).erased.results).toBe(1);
    expect(await unsentDigests()).toEqual([]);
    expect(await storedOf(due.id)).toEqual({ responses: 0, sealed: 0, receipts: 0, days: 0, itemTallies: 0, measureTallies: 0 });
    expect(await storedOf(kept.id)).toEqual(keptBefore);
    const [round] = await t.deps.db.select().from(rounds).where(eq(rounds.id, due.id));
    expect(round).toMatchObject({ title: 'Syksy 2025', status: 'closed', closedAt: due.closedAt, answeredTotal: 6, resultsErasedAt: clock.now().toISOString() });
    expect(await roundProgress(t.deps.db, due.id)).toMatchObject({ invited: 6, answered: 6, responseRate: 1 });

    const bytes = databaseFileBytes(t.database);
    expect(bytes).not.toContain(SECRET_COMMENT);
    // The search itself works: the other round's comments are still there to be found.
    expect(bytes).toContain(KEPT_COMMENT);

    const colleague = await signedInToday(network.id);
    expect((await get(colleague, roundPage)).html).toContain(`Kierroksen vastaukset ja tulokset poistettiin ${formatDateTime(clock.now(), 'fi')}.`);
    expect((await get(colleague, `/networks/${network.id}/audit`)).html).toContain('Kierroksen ”Syksy 2025” vastaukset ja tulokset poistettiin pysyvästi säilytysajan päätyttyä.');
    // Once is enough; the later round has months to go.
    expect((await runDueWork(t.deps)).erased.results).toBe(0);
  });
});

describe('a network with an erased round', () => {
  it('answers its results, comparison, trend, report and agenda pages with 200, saying the results were erased, and refuses its exports in words', async () => {
    const { network, coordinator, due, kept } = await world();
    expect((await t.app.request(`/networks/${network.id}/rounds/${due.id}/erase-results`, postForm(coordinator, {}))).status).toBe(303);
    const leader = await signedInToday(network.id, 'leader');
    const base = `/networks/${network.id}/results`;
    const erasedDay = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric' }).format(t.deps.clock.now());

    const pages: Array<[string, string]> = [
      [base, `Tulokset poistettu ${erasedDay}`],
      [`${base}/rounds/${due.id}`, `Kierroksen vastaukset ja tulokset poistettiin pysyvästi ${erasedDay}.`],
      [`${base}/rounds/${due.id}/open-answers`, 'Tulokset on poistettu'],
      [`${base}/compare?before=${due.id}&after=${kept.id}`, `Kierroksen vastaukset ja tulokset poistettiin pysyvästi ${erasedDay}.`],
      [`${base}/trend?questionnaire=network-rules`, `Ei näytetä: tulokset poistettiin ${erasedDay}.`],
      [`/networks/${network.id}/report`, 'Toisen kierroksen tulokset on poistettu, joten kierroksia ei verrata.'],
      [`/networks/${network.id}/agenda`, 'ei vertailtavissa, koska jommankumman kierroksen tulokset on poistettu'],
      [`/networks/${network.id}/agenda/candidates?round=${due.id}`, `Kierroksen tulokset poistettiin ${erasedDay}, joten ehdotuksia ei voi tehdä.`],
    ];
    for (const [path, words] of pages) {
      const user = path.includes('/agenda/candidates') ? coordinator : leader;
      const { status, html } = await get(user, path);
      expect(status, path).toBe(200);
      expect(html, path).toContain(words);
      expect(html, path).not.toContain(SECRET_COMMENT);
    }

    const exported = await t.app.request(`/api/networks/${network.id}/results/rounds/${due.id}/responses.csv?lang=en`, { headers: { cookie: leader.cookie } });
    expect(exported.status).toBe(409);
    expect(await exported.text()).toContain('The responses and results of the round “Syksy 2025” were erased on');
    expect((await t.app.request(`/api/networks/${network.id}/results/trend.csv`, { headers: { cookie: leader.cookie } })).status).toBe(200);
  });
});

describe('erasing a round’s results by hand', () => {
  it('asks first, needs the form token and a coordinator, records who did it, and refuses twice or for an open round', async () => {
    const { network, coordinator, leader, due } = await world();
    const roundPage = `/networks/${network.id}/rounds/${due.id}`;
    expect((await get(coordinator, roundPage)).html).toContain(`href="${roundPage}/confirm/erase-results"`);
    const confirm = await get(coordinator, `${roundPage}/confirm/erase-results?lang=sv`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Ska resultaten för omgången ”Syksy 2025” raderas permanent?');
    expect(confirm.html).toContain(`action="${roundPage}/erase-results"`);

    const withoutToken = await t.app.request(`${roundPage}/erase-results`, { method: 'POST', headers: { cookie: coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(withoutToken.status).toBe(403);
    expect((await t.app.request(`${roundPage}/erase-results`, postForm(leader, {}))).status).toBe(403);
    expect((await storedOf(due.id)).responses).toBe(6);

    const erased = await t.app.request(`${roundPage}/erase-results`, postForm(coordinator, {}));
    expect(erased.status).toBe(303);
    expect(erased.headers.get('location')).toBe(`${roundPage}?done=resultsErased`);
    expect((await storedOf(due.id)).responses).toBe(0);
    expect(databaseFileBytes(t.database)).not.toContain(SECRET_COMMENT);
    const after = (await get(coordinator, erased.headers.get('location')!)).html;
    expect(after).toContain('Kierroksen vastaukset ja tulokset on poistettu pysyvästi.');
    expect(after).not.toContain('/confirm/erase-results');
    expect((await get(coordinator, `/networks/${network.id}/audit`)).html).toMatch(/poisti pysyvästi kierroksen ”Syksy 2025” vastaukset ja tulokset\./);

    const again = await t.app.request(`${roundPage}/erase-results?lang=en`, postForm(coordinator, {}));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('The round’s results have already been erased.');

    const [open] = await t.deps.db
      .insert(rounds)
      .values({ networkId: network.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'Auki', status: 'open', opensAt: '2025-09-01T06:00:00.000Z', closesAt: '2025-12-01T06:00:00.000Z', createdAt: 'x' })
      .returning();
    expect((await t.app.request(`/networks/${network.id}/rounds/${open!.id}/confirm/erase-results`, { headers: { cookie: coordinator.cookie } })).status).toBe(303);
    const refused = await t.app.request(`/networks/${network.id}/rounds/${open!.id}/erase-results`, postForm(coordinator, {}));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Tulokset voi poistaa vain suljetulta kierrokselta.');
  });
});

describe('the result retention setting', () => {
  it('is empty for "kept until erased", takes whole months from 1 to 600 and says so in the reader’s language otherwise', async () => {
    t = await createTestApp({ clock: fixedClock('2026-03-02T09:00:00.000Z') });
    const { network, coordinator } = await networkWithPeople(t);
    const path = `/networks/${network.id}/settings`;
    for (const [value, lang, message] of [
      ['0', 'fi', 'Anna kuukausien määrä kokonaislukuna väliltä 1–600 tai jätä kenttä tyhjäksi.'],
      ['601', 'sv', 'Ange antalet månader som ett heltal mellan 1 och 600 eller lämna fältet tomt.'],
      ['2.5', 'en', 'Give the number of months as a whole number from 1 to 600, or leave the field empty.'],
    ] as const) {
      const refused = await t.app.request(`${path}?lang=${lang}`, postForm(coordinator, settings(value)));
      expect(refused.status, value).toBe(422);
      expect(await refused.text(), value).toContain(message);
    }
    expect(await (await t.app.request(path, postForm(coordinator, settings('600')))).text()).toContain('Asetukset on tallennettu.');
    expect((await t.deps.db.select().from(networks).where(eq(networks.id, network.id)))[0]!.resultRetentionMonths).toBe(600);
    expect((await get(coordinator, path)).html).toMatch(/name="resultRetentionMonths"[^>]*value="600"/);
    expect((await t.app.request(path, postForm(coordinator, settings('')))).status).toBe(200);
    expect((await t.deps.db.select().from(networks).where(eq(networks.id, network.id)))[0]!.resultRetentionMonths).toBeNull();
    const log = (await get(coordinator, `/networks/${network.id}/audit`)).html;
    expect(log).toContain('Tulosten säilytys (kuukautta): 600 → kunnes poistetaan');
    expect((await get(coordinator, `/networks/${network.id}/privacy/record?lang=en`)).html).toContain('Until a coordinator erases the round’s results');
  });
});
