import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { outgoingMail, reportLinks, rounds } from '../../src/db/schema/index.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson } from '../helpers/people.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

let t: TestApp;
let sink: SmtpSink;
afterEach(async () => {
  await sink?.close();
  t?.database.dispose();
});

async function setup() {
  sink = await startSmtpSink();
  t = await createTestApp({ clock: fixedClock('2026-03-02T09:00:00.000Z'), mailer: createSmtpMailer(sink.url, 'Verkostopulssi <no-reply@pulssi.example>') });
  const people = await networkWithPeople(t);
  await roundWithResponses(t, people.network.id, Array.from({ length: 6 }, (_, i) => uniformAnswers(t, 1 + (i % 5))));
  return { ...people, api: `/api/networks/${people.network.id}/digest` };
}

/** The API answers before the mail is out: the rows once the background work has ended. */
async function recorded() {
  await t.deps.background.settled();
  return t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.kind, 'digest'));
}

describe('POST /api/networks/:networkId/digest', () => {
  it('sends now to the leaders and the extra addresses, in the language asked for them', async () => {
    const { coordinator, api } = await setup();
    const response = await t.app.request(api, sendJson(coordinator, 'POST', { extraRecipients: ['Hallitus@Kunta.example', 'rehtori@kunta.example'], lang: 'en' }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ recipients: 2 });
    const mails = await receivedMail(sink, 2);
    expect(mails.map((mail) => mail.subject).sort()).toEqual(['Results digest: Testiverkosto', 'Tuloskooste: Testiverkosto']);
    expect(mails.every((mail) => mail.replyTo?.text === 'koordinaattori@kunta.example')).toBe(true);
    expect((await recorded()).map((row) => [row.status, row.sealed])).toEqual([['sent', null], ['sent', null]]);
    const [link] = await t.deps.db.select().from(reportLinks);
    expect(link).toMatchObject({ label: 'Tuloskooste 2.3.2026', createdByUserId: coordinator.userId, roundIds: null });
    expect(link!.expiresAt.slice(0, 10)).toBe('2026-05-01');
  });

  it('refuses a bad address with a message for the field, and a network with no one to send to', async () => {
    const { coordinator, outsider, other, api } = await setup();
    const bad = await t.app.request(`${api}?lang=en`, sendJson(coordinator, 'POST', { extraRecipients: ['hallitus@kunta.example', 'not-an-address'] }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toEqual({ extraRecipients: 'Check the address: not-an-address' });
    const tooMany = await t.app.request(`${api}?lang=en`, sendJson(coordinator, 'POST', { extraRecipients: Array.from({ length: 21 }, (_, i) => `x${i}@kunta.example`) }));
    expect((await tooMany.json()).fields.extraRecipients).toBe('Give at most 20 addresses.');
    const badLang = await t.app.request(`${api}?lang=en`, sendJson(coordinator, 'POST', { lang: 'de' }));
    expect((await badLang.json()).fields).toEqual({ lang: 'Choose Finnish, Swedish or English as the language.' });
    const nobody = await t.app.request(`/api/networks/${other.id}/digest?lang=en`, sendJson(outsider, 'POST', {}));
    expect(nobody.status).toBe(422);
    expect((await nobody.json()).fields.extraRecipients).toBe('The network has no leaders. Give at least one recipient address.');
    expect(await t.deps.db.select().from(reportLinks)).toEqual([]);
  });

  it('is for coordinators only: leaders get 403, others 404', async () => {
    const { leader, outsider, api } = await setup();
    expect((await t.app.request(api, sendJson(leader, 'POST', {}))).status).toBe(403);
    expect((await t.app.request(api, sendJson(outsider, 'POST', {}))).status).toBe(404);
    expect(sink.messages).toHaveLength(0);
  });
});

describe('POST /networks/:networkId/reports/digest (the button on the reports page)', () => {
  it('sends the leaders the digest now, and says so; a network without leaders is told why nothing went', async () => {
    const { coordinator, outsider, network, other } = await setup();
    const reports = await t.app.request(`/networks/${network.id}/reports`, { headers: { cookie: coordinator.cookie } });
    expect(await reports.text()).toContain(`action="/networks/${network.id}/reports/digest"`);
    const sent = await t.app.request(`/networks/${network.id}/reports/digest`, postForm(coordinator, {}));
    expect(sent.status).toBe(202);
    expect(await sent.text()).toContain('Kooste lähtee nyt johdon edustajille. Vastaanottajia: 1.');
    const [mail] = await receivedMail(sink, 1);
    expect(mail!.subject).toBe('Tuloskooste: Testiverkosto');
    expect(mail!.to && !Array.isArray(mail!.to) ? mail!.to.text : '').toBe('rehtori@kunta.example');
    const none = await t.app.request(`/networks/${other.id}/reports/digest`, postForm(outsider, {}));
    expect(none.status).toBe(409);
    expect(await none.text()).toContain('Verkostolla ei ole vielä johdon edustajia');
  });

  it('puts the anonymous answers a click away on the round results page', async () => {
    const { coordinator, network } = await setup();
    const [round] = await t.deps.db.select().from(rounds);
    const page = await t.app.request(`/networks/${network.id}/results/rounds/${round!.id}`, { headers: { cookie: coordinator.cookie } });
    expect(await page.text()).toContain(`href="/api/networks/${network.id}/results/rounds/${round!.id}/responses.csv"`);
  });
});
