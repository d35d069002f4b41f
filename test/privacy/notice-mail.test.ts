import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noticeKey } from '../../src/privacy/notice-link.js';
import { postForm } from '../helpers/people.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { MEMBERS, api, deliverySettled, openedRound, roundsWorld, type RoundsWorld } from '../rounds/fixture.js';

let w: RoundsWorld;
let sink: SmtpSink;
beforeEach(async () => (sink = await startSmtpSink()));
afterEach(async () => {
  await sink.close();
  w?.t.database.dispose();
});

const recipientOf = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined);
const NOTICE_LINK = /http:\/\/127\.0\.0\.1:3000\/privacy\/[0-9]+-[0-9a-f]{16}\?lang=(fi|sv|en)/g;

async function publishNotice() {
  const fields = { controller: 'Porvoon kaupunki', contactName: 'Tiina Tietosuoja', contactEmail: 'tietosuoja@porvoo.example', intent: 'publish' };
  const response = await w.t.app.request(`/networks/${w.network.id}/privacy/notice`, postForm(w.coordinator, fields));
  expect(response.status).toBe(303);
}

/** Each mail's notice links, text and HTML part apart, by recipient. */
function noticeLinks(mails: ParsedMail[]) {
  return new Map(mails.map((mail) => [recipientOf(mail), { text: [...(mail.text ?? '').matchAll(NOTICE_LINK)].map((m) => m[0]), html: [...String(mail.html).matchAll(NOTICE_LINK)].map((m) => m[0]) }]));
}

describe('the privacy notice in round mail over real SMTP', () => {
  it('links every invitation and reminder to the published notice in the member’s language', async () => {
    w = await roundsWorld({ sink });
    await publishNotice();
    const id = await openedRound(w);
    await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/invite`, postForm(w.coordinator, {}));
    const invitations = await receivedMail(sink, 3);
    await deliverySettled(w, id);
    const base = `http://127.0.0.1:3000/privacy/${noticeKey(w.t.deps.secretKey, w.network.id)}`;
    const expected = new Map(MEMBERS.map((m) => [m.email, `${base}?lang=${m.language}`]));
    for (const [recipient, links] of noticeLinks(invitations)) {
      expect(links.text).toEqual([expected.get(recipient as (typeof MEMBERS)[number]['email'])]);
      expect(links.html).toEqual([expected.get(recipient as (typeof MEMBERS)[number]['email'])]);
    }
    const aino = invitations.find((mail) => recipientOf(mail) === MEMBERS[0].email)!;
    expect(aino.text).toContain(`Miten tietojasi käsitellään, kerrotaan verkoston tietosuojaselosteessa:\n${base}?lang=fi`);
    expect(aino.html).toContain('>Tietosuojaseloste</a>');
    // The link opens the notice without signing in.
    const opened = await w.t.app.request(expected.get(MEMBERS[1].email)!.replace('http://127.0.0.1:3000', ''));
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Dataskyddsbeskrivning');

    expect((await api(w, w.coordinator, 'POST', `/${id}/remind`)).status).toBe(200);
    const reminders = (await receivedMail(sink, 6)).slice(3);
    expect(reminders.map((mail) => mail.subject)).toContain('Påminnelse: Kevät 2026');
    for (const [recipient, links] of noticeLinks(reminders)) {
      expect(links.text).toEqual([expected.get(recipient as (typeof MEMBERS)[number]['email'])]);
      expect(links.html).toEqual([expected.get(recipient as (typeof MEMBERS)[number]['email'])]);
    }
  });

  it('is missed on the round page until published', async () => {
    w = await roundsWorld({ sink });
    const id = await openedRound(w);
    const roundPage = async () => (await w.t.app.request(`/networks/${w.network.id}/rounds/${id}`, { headers: { cookie: w.coordinator.cookie } })).text();
    const before = await roundPage();
    expect(before).toContain('Verkoston tietosuojaselostetta ei ole julkaistu, joten kutsuissa ei ole linkkiä siihen.');
    expect(before).toContain(`href="/networks/${w.network.id}/privacy/notice"`);
    await publishNotice();
    expect(await roundPage()).not.toContain('tietosuojaselostetta ei ole julkaistu');
  });

  it('carries no link while the notice is only a draft', async () => {
    w = await roundsWorld({ sink });
    const draft = await w.t.app.request(`/networks/${w.network.id}/privacy/notice`, postForm(w.coordinator, { controller: 'Porvoon kaupunki', intent: 'draft' }));
    expect(draft.status).toBe(303);
    const id = await openedRound(w);
    await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/invite`, postForm(w.coordinator, {}));
    for (const mail of await receivedMail(sink, 3)) {
      expect(mail.text).not.toContain('/privacy/');
      expect(String(mail.html)).not.toContain('/privacy/');
      expect(mail.text).not.toMatch(/tietosuojaseloste|dataskyddsbeskrivning|privacy notice/i);
    }
  });
});
