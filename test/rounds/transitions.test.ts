import { and, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { itemTallies, measureTallies, networks, outgoingMail, questionnaireVersions, responses, sealedResponses } from '../../src/db/schema/index.js';
import { enqueueMail } from '../../src/mail/queue.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { receiptCount } from '../helpers/receipts.js';
import { postForm } from '../helpers/people.js';
import { fullAnswers, submit } from '../answering/fixture.js';
import { LINK, START, api, mailOf, openedRound, page, roundBody, roundRow, roundsWorld, type RoundsWorld } from './fixture.js';

let w: RoundsWorld;
afterEach(() => w?.t.database.dispose());

describe('opening a round', () => {
  it('records the version, fixes segment collection and creates the zeroed tallies in one step', async () => {
    w = await roundsWorld();
    const { json } = await api(w, w.coordinator, 'POST', '', roundBody());
    const id = json.round.id;
    expect(await w.t.deps.db.select().from(questionnaireVersions)).toEqual([]);
    expect(await w.t.deps.db.select().from(itemTallies).where(eq(itemTallies.roundId, id))).toEqual([]);

    const opened = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/open`, postForm(w.coordinator, {}));
    expect(opened.headers.get('location')).toBe(`/networks/${w.network.id}/rounds/${id}?done=opened`);

    // A round made without a version takes the latest shipped one.
    const version = w.t.deps.catalogue.versionsOf('network-rules').at(-1)!;
    expect(version.version).toBe(2);
    expect(await w.t.deps.db.select().from(questionnaireVersions)).toEqual([{ key: 'network-rules', version: version.version, contentHash: version.hash, firstUsedAt: w.clock.now().toISOString() }]);
    expect(await roundRow(w, id)).toMatchObject({ status: 'open', openedAt: w.clock.now().toISOString(), collectSegments: true, anonymityThreshold: 5, openAnswerThreshold: 5 });
    const items = await w.t.deps.db.select().from(itemTallies).where(eq(itemTallies.roundId, id));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((row) => row.count === 0)).toBe(true);
    expect(new Set(items.map((row) => row.segmentKey))).toContain('organisationType');
    expect((await w.t.deps.db.select().from(measureTallies).where(eq(measureTallies.roundId, id))).length).toBeGreaterThan(0);

    // A later change of the network's settings neither splits the open round's tallies nor changes its threshold.
    await w.t.deps.db.update(networks).set({ collectSegments: false, anonymityThreshold: 3, openAnswerThreshold: 9 }).where(eq(networks.id, w.network.id));
    expect(await roundRow(w, id)).toMatchObject({ collectSegments: true, anonymityThreshold: 5, openAnswerThreshold: 5 });
  });

  it('refuses what the state does not allow, with the reason', async () => {
    w = await roundsWorld();
    const { json } = await api(w, w.coordinator, 'POST', '', roundBody());
    const id = json.round.id;
    expect(await api(w, w.coordinator, 'POST', `/${id}/close`)).toMatchObject({ status: 409, json: { error: 'Kierros ei ole vielä auki.' } });
    const invite = await api(w, w.coordinator, 'POST', `/${id}/invite?lang=en`);
    expect(invite.status).toBe(409);
    expect(invite.json.error).toContain('Invitations cannot be sent for a draft');
    const pageRefusal = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/invite`, postForm(w.coordinator, {}));
    expect(pageRefusal.status).toBe(409);
    expect(await pageRefusal.text()).toContain('Kutsuja ei voi lähettää luonnokselle');
    expect((await api(w, w.coordinator, 'POST', `/${id}/remind`)).status).toBe(409);

    const short = (await api(w, w.coordinator, 'POST', '', roundBody({ title: 'Lyhyt kierros', closesAt: '2026-03-02T14:00', reminderDays: null }))).json.round.id;
    w.clock.set('2026-03-02T12:30:00.000Z');
    expect((await api(w, w.coordinator, 'POST', `/${short}/open`)).json.error).toContain('sulkeutumisaika on jo mennyt');
    expect((await roundRow(w, short)).status).toBe('draft');
  });

  it('opens a round once, however often it is asked', async () => {
    w = await roundsWorld();
    const id = await openedRound(w);
    const before = await roundRow(w, id);
    expect(await api(w, w.coordinator, 'POST', `/${id}/open`)).toMatchObject({ status: 409, json: { error: 'Kierros on jo auki.' } });
    expect(await roundRow(w, id)).toEqual(before);
  });
});

describe('simultaneous requests', () => {
  it('open a round once and invite each member once', async () => {
    w = await roundsWorld();
    const id = (await api(w, w.coordinator, 'POST', '', roundBody())).json.round.id;
    const opens = await Promise.all([api(w, w.coordinator, 'POST', `/${id}/open`), api(w, w.coordinator, 'POST', `/${id}/open`)]);
    expect(opens.map((r) => r.status).sort()).toEqual([200, 409]);
    const invites = await Promise.all([api(w, w.coordinator, 'POST', `/${id}/invite`), api(w, w.coordinator, 'POST', `/${id}/invite`)]);
    expect(invites.map((r) => r.json.invited).sort()).toEqual([0, 3]);
    expect(await mailOf(w, id)).toHaveLength(3);
  });
});

describe('closing a round', () => {
  it('deletes its unsent invitations and reminders, blanks failed ones, and leaves other mail alone', async () => {
    w = await roundsWorld();
    const id = await openedRound(w);
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`)).json).toEqual({ invited: 3 });
    const [first] = await mailOf(w, id);
    await w.t.deps.db.update(outgoingMail).set({ status: 'failed', lastError: '550 No such user' }).where(eq(outgoingMail.id, first!.id));
    const now = w.clock.now().toISOString();
    await enqueueMail(w.t.deps.db, w.t.deps, { networkId: w.network.id, kind: 'account-invite', recipient: 'uusi@kunta.example', subject: 'Kutsu', textBody: 't', htmlBody: 'h' });

    const closed = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/close`, postForm(w.coordinator, {}));
    expect(closed.status).toBe(303);
    expect(await roundRow(w, id)).toMatchObject({ status: 'closed', closedAt: now });
    // The failed invitation stays for the counts, but without its sealed address and link.
    expect(await mailOf(w, id)).toEqual([expect.objectContaining({ id: first!.id, status: 'failed', sealed: null, lastError: '550 No such user' })]);
    const accountMail = (await openedMailRows(w.t.deps)).filter((m) => m.kind === 'account-invite');
    expect(accountMail).toEqual([expect.objectContaining({ recipient: 'uusi@kunta.example', subject: 'Kutsu', textBody: 't' })]);
    const shown = await page(w, w.coordinator, `/rounds/${id}`);
    expect(shown.html).toContain('Suljettu 2.3.2026 klo 11.00');
    expect(shown.html).not.toContain('/retry-failed');
  });
});

describe('a round opened by hand before its planned opening time', () => {
  it('is answerable at once through the invitation it sent, and records when it really opened', async () => {
    w = await roundsWorld();
    // The planned opening is 12.00 in Helsinki; the clock says 11.00.
    const id = await openedRound(w, { opensAt: '2026-03-02T12:00' });
    expect(await roundRow(w, id)).toMatchObject({ status: 'open', openedAt: START });
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`)).json).toEqual({ invited: 3 });
    const [mail] = (await openedMailRows(w.t.deps)).filter((m) => m.roundId === id && m.kind === 'invitation');
    const token = LINK.exec(mail!.textBody!)![1]!;

    const answerPage = await w.t.app.request(`/a/${token}`);
    expect(answerPage.status).toBe(200);
    expect(await answerPage.text()).not.toContain('ei ole vielä avoinna');
    const version = w.t.deps.catalogue.versionsOf('network-rules').at(-1)!;
    expect((await submit(w.t, token, { answers: fullAnswers(version), language: 'fi' })).status).toBe(201);

    const edit = await page(w, w.coordinator, `/rounds/${id}/edit`);
    expect(edit.html).toContain('<dt>Avattiin</dt><dd>2.3.2026 klo 11.00</dd>');

    // The answer stays sealed, and out of the tallies, until the round closes; closing opens it into both.
    const rows = async (table: typeof responses | typeof sealedResponses) => (await w.t.deps.db.select({ n: count() }).from(table).where(eq(table.roundId, id)))[0]!.n;
    const everyone = async () => (await w.t.deps.db.select({ n: measureTallies.n }).from(measureTallies).where(and(eq(measureTallies.roundId, id), eq(measureTallies.measure, '*'), eq(measureTallies.segmentKey, ''))))[0]!.n;
    expect({ sealed: await rows(sealedResponses), responses: await rows(responses), receipts: await receiptCount(w.t.deps.db, id), tallied: await everyone() }).toEqual({ sealed: 1, responses: 0, receipts: 1, tallied: 0 });
    expect((await api(w, w.coordinator, 'POST', `/${id}/close`)).status).toBe(200);
    expect({ sealed: await rows(sealedResponses), responses: await rows(responses), receipts: await receiptCount(w.t.deps.db, id), tallied: await everyone() }).toEqual({ sealed: 0, responses: 1, receipts: 1, tallied: 1 });
  });
});

describe('the steps before closing and inviting', () => {
  it('asks before closing, with the counts, and shows the invitation in each language before sending it', async () => {
    w = await roundsWorld();
    const id = await openedRound(w);
    const round = await page(w, w.coordinator, `/rounds/${id}`);
    expect(round.html).toContain(`href="/networks/${w.network.id}/rounds/${id}/confirm/invite"`);
    expect(round.html).toContain(`href="/networks/${w.network.id}/rounds/${id}/confirm/close"`);
    // The round page itself no longer posts the irreversible actions.
    expect(round.html).not.toContain(`action="/networks/${w.network.id}/rounds/${id}/close"`);

    const invite = await page(w, w.coordinator, `/rounds/${id}/confirm/invite`);
    expect(invite.html).toContain('Lähetetäänkö kutsu 3 jäsenelle?');
    const previews = [...invite.html.matchAll(/<figure class="mail-preview" lang="(\w+)">/g)].map((m) => m[1]);
    expect(previews).toEqual(['fi', 'sv', 'en']);
    expect(invite.html).toContain('Kutsu kyselyyn: Kevät 2026');
    expect(invite.html).toContain('http://127.0.0.1:3000/a/…');
    expect(await mailOf(w, id)).toEqual([]);
    expect(invite.html).toContain(`action="/networks/${w.network.id}/rounds/${id}/invite"`);

    const close = await page(w, w.coordinator, `/rounds/${id}/confirm/close?lang=en`);
    expect(close.html).toContain('Close the round “Kevät 2026”?');
    expect(close.html).toContain('Answered: 0, invited: 0.');
    expect((await roundRow(w, id)).status).toBe('open');
  });
});
