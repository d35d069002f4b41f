import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signedInUser, TEST_PASSWORD } from '../helpers/people.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  t?.database.dispose();
});

const form = (values: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values).toString() });

describe('password reset by emailed single-use link', () => {
  it('mails a link through SMTP that sets a new password once and signs out every session', async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ mailer: createSmtpMailer(sink.url, 'Pulssi <no-reply@pulssi.example>') });
    const me = await signedInUser(t, 'kaisa@kunta.example');

    const unknown = await t.app.request('/reset', form({ email: 'nobody@kunta.example' }));
    const known = await t.app.request('/reset', form({ email: 'Kaisa@kunta.example' }));
    expect(known.status).toBe(200);
    expect(await unknown.text()).toBe(await known.text());
    const [mail, ...more] = await receivedMail(sink, 1);
    expect(more).toEqual([]);
    expect(JSON.stringify(mail!.to)).toContain('kaisa@kunta.example');
    const link = mail!.text!.match(/http:\/\/127\.0\.0\.1:3000(\/reset\/[\w-]+)/)![1]!;

    expect((await t.app.request(link)).status).toBe(200);
    const mismatch = await t.app.request(link, form({ newPassword: 'uusi salasana 9876', newPasswordAgain: 'toinen' }));
    expect(mismatch.status).toBe(422);
    const done = await t.app.request(link, form({ newPassword: 'uusi salasana 9876', newPasswordAgain: 'uusi salasana 9876' }));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Salasana on vaihdettu.');
    expect((await t.app.request(link, form({ newPassword: 'kolmas salasana 111', newPasswordAgain: 'kolmas salasana 111' }))).status).toBe(410);
    expect((await t.app.request('/account', { headers: { cookie: me.cookie } })).status).toBe(303);
    expect((await t.app.request('/login', form({ email: 'kaisa@kunta.example', password: TEST_PASSWORD }))).status).toBe(401);
    expect((await t.app.request('/login', form({ email: 'kaisa@kunta.example', password: 'uusi salasana 9876' }))).status).toBe(303);
  });

  it('retires an older unused link once a newer one is used', async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ mailer: createSmtpMailer(sink.url, 'Pulssi <no-reply@pulssi.example>') });
    await signedInUser(t, 'kaisa@kunta.example');
    await t.app.request('/reset', form({ email: 'kaisa@kunta.example' }));
    await receivedMail(sink, 1);
    await t.app.request('/reset', form({ email: 'kaisa@kunta.example' }));
    const [older, newer] = (await receivedMail(sink, 2)).map((mail) => mail.text!.match(/(\/reset\/[\w-]+)/)![1]!);
    const password = { newPassword: 'uusi salasana 9876', newPasswordAgain: 'uusi salasana 9876' };
    expect((await t.app.request(newer!, form(password))).status).toBe(200);
    expect((await t.app.request(older!)).status).toBe(410);
    expect((await t.app.request(older!, form({ newPassword: 'toinen salasana 111', newPasswordAgain: 'toinen salasana 111' }))).status).toBe(410);
  });

  it('limits mails per typed address, answering the same, and requests per client address', async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ mailer: createSmtpMailer(sink.url, 'Pulssi <no-reply@pulssi.example>') });
    await signedInUser(t, 'kaisa@kunta.example');
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const response = await t.app.request('/reset', form({ email: 'kaisa@kunta.example' }));
      expect(response.status).toBe(200);
      answers.add(await response.text());
    }
    answers.add(await (await t.app.request('/reset', form({ email: 'nobody@kunta.example' }))).text());
    expect(answers.size).toBe(1);
    await receivedMail(sink, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages).toHaveLength(3);
    for (let i = 6; i < 20; i++) expect((await t.app.request('/reset', form({ email: `user${i}@kunta.example` }))).status).toBe(200);
    const limited = await t.app.request('/reset?lang=en', form({ email: 'someone@kunta.example' }));
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Too many links have been requested for this address.');
    const elsewhere = { incoming: { socket: { remoteAddress: '203.0.113.5' } } };
    expect((await t.app.request('/reset', form({ email: 'someone@kunta.example' }), elsewhere)).status).toBe(200);
  });

  it('answers as fast for an address with an account as for one without', async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ mailer: createSmtpMailer(sink.url, 'Pulssi <no-reply@pulssi.example>') });
    const known: number[] = [];
    const unknown: number[] = [];
    const timed = async (email: string, into: number[], address: string) => {
      const started = performance.now();
      expect((await t.app.request('/reset', form({ email }), { incoming: { socket: { remoteAddress: address } } })).status).toBe(200);
      into.push(performance.now() - started);
    };
    for (let i = 0; i < 9; i++) {
      await signedInUser(t, `user${i}@kunta.example`);
      await timed(`nobody${i}@kunta.example`, unknown, `192.0.2.${i}`);
      await timed(`user${i}@kunta.example`, known, `198.51.100.${i}`);
      await receivedMail(sink, i + 1);
    }
    const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    // The link, the mail and its queue row come after the answer; before, they made the answer about 3 ms slower.
    expect(median(known)).toBeLessThan(median(unknown) * 1.5 + 0.5);
  });

  it('refuses a body that is no email address with 400, not 500', async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ mailer: createSmtpMailer(sink.url, 'Pulssi <no-reply@pulssi.example>') });
    const response = await t.app.request('/reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: { toString: 1 } }) });
    expect(response.status).toBe(400);
  });

  it('says plainly that it cannot mail a link when no mail server is configured', async () => {
    t = await createTestApp();
    await signedInUser(t, 'kaisa@kunta.example');
    const response = await t.app.request('/reset?lang=en', form({ email: 'kaisa@kunta.example' }));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('No mail server has been set up for the service');
  });

  it('refuses an expired link', async () => {
    sink = await startSmtpSink();
    const clock = (await import('../helpers/app.js')).fixedClock();
    t = await createTestApp({ clock, mailer: createSmtpMailer(sink.url, 'Pulssi <no-reply@pulssi.example>') });
    await signedInUser(t, 'kaisa@kunta.example');
    await t.app.request('/reset', form({ email: 'kaisa@kunta.example' }));
    const link = (await receivedMail(sink, 1))[0]!.text!.match(/(\/reset\/[\w-]+)/)![1]!;
    clock.advance(2 * 3_600_000 + 1);
    expect((await t.app.request(link)).status).toBe(410);
  });
});
