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

  it('says plainly that it cannot mail a link when no mail server is configured', async () => {
    t = await createTestApp();
    await signedInUser(t, 'kaisa@kunta.example');
    const response = await t.app.request('/reset?lang=en', form({ email: 'kaisa@kunta.example' }));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('This server has no mail server (SMTP_URL)');
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
