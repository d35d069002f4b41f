import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/accounts/sessions.js';
import { MAX_ATTEMPTS, retryDelayMs } from '../../src/mail/queue.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { postForm, type SignedIn } from '../helpers/people.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { MEMBERS, api, deliverySettled, openedRound, page, roundsWorld, type RoundsWorld } from './fixture.js';

let w: RoundsWorld;
let sink: SmtpSink;
beforeEach(async () => (sink = await startSmtpSink()));
afterEach(async () => {
  await sink.close();
  w?.t.database.dispose();
});

/** The coordinator signs in again: the back-off outlasts a session. */
async function signInAgain(): Promise<SignedIn> {
  const { token, csrfToken } = await createSession(w.t.deps.db, w.clock, w.t.deps.secretKey, w.coordinator.userId);
  return { userId: w.coordinator.userId, cookie: `vp_session=${token}`, csrf: csrfToken };
}

describe('a failing SMTP server', () => {
  it('loses no invitation: they are retried with back-off, the failures show on the round, and a retry delivers them', async () => {
    w = await roundsWorld({ sink });
    const id = await openedRound(w);
    sink.rejectWith(451, 'Mailbox busy, try later');
    await api(w, w.coordinator, 'POST', `/${id}/invite`);
    await deliverySettled(w, id);

    const status = (await api(w, w.coordinator, 'GET', `/${id}`)).json.mail;
    expect(status).toMatchObject({ queued: 3, sent: 0, failed: 0 });
    expect(status.recentErrors).toHaveLength(3);
    for (const error of status.recentErrors) {
      expect(error).toMatchObject({ kind: 'invitation', status: 'queued', attempts: 1 });
      expect(error.error).toContain('451');
      expect(error).not.toHaveProperty('recipient');
    }
    const shown = await page(w, w.coordinator, `/rounds/${id}`);
    expect(shown.html).toContain('Viimeisimmät toimitusvirheet');
    expect(shown.html).toContain('Mailbox busy');
    for (const m of MEMBERS) expect(shown.html).not.toContain(m.email);

    // Nothing is tried again before the back-off has passed.
    expect((await runDueWork(w.t.deps)).mail).toEqual({ sent: 0, retrying: 0, failed: 0 });
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      w.clock.advance(retryDelayMs(attempt));
      const { mail } = await runDueWork(w.t.deps);
      expect(mail.sent).toBe(0);
      expect(mail.retrying + mail.failed).toBe(3);
    }
    expect(sink.messages).toHaveLength(0);

    const coordinator = await signInAgain();
    expect((await api(w, coordinator, 'GET', `/${id}`)).json.mail).toMatchObject({ queued: 0, failed: 3 });
    const failedPage = await page(w, coordinator, `/rounds/${id}`);
    expect(failedPage.html).toContain('<dt>Epäonnistunut</dt><dd>3</dd>');
    expect(failedPage.html).toContain('Yritä epäonnistuneita uudelleen');

    sink.rejectWith(null);
    const retried = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/retry-failed`, postForm(coordinator, {}));
    expect(retried.headers.get('location')).toBe(`/networks/${w.network.id}/rounds/${id}?retried=3`);
    await receivedMail(sink, 3);
    await deliverySettled(w, id);
    expect((await api(w, coordinator, 'GET', `/${id}`)).json.mail).toMatchObject({ queued: 0, sent: 3, failed: 0, recentErrors: [] });
  });
});
