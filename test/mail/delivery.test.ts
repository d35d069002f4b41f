import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { MAX_ATTEMPTS, deliverDueMail, retryDelayMs, retryFailed } from '../../src/mail/queue.js';
import { fixedClock } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { COORDINATOR, NETWORK_NAME, SECRET_KEY, linkFor, mailRow, mailRowIfAny, networkWithRound, queueInvitation } from './fixtures.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'Verkostopulssi <no-reply@pulssi.example>';
const MEMBER = 'opettaja@koulu.example';

let database: TestDatabase;
let sink: SmtpSink;
beforeEach(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
  database.dispose();
});

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('deliverDueMail over SMTP', () => {
  it('delivers with the network as sender and the coordinator as Reply-To, then empties the sealed content', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const id = await queueInvitation(database.db, clock, ids, MEMBER, 'smtp');

    const report = await deliverDueMail(database.db, createSmtpMailer(sink.url, FROM), clock, SECRET_KEY, { batchSize: 10 });

    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    const message = sink.messages[0]!;
    expect(message.from?.value).toEqual([{ name: NETWORK_NAME, address: 'no-reply@pulssi.example' }]);
    expect(message.replyTo?.value[0]?.address).toBe(COORDINATOR);
    expect(message.subject).toBe('Kutsu kyselyyn: Kevät 2026');
    expect(message.headers.get('auto-submitted')).toBe('auto-generated');
    expect(message.text).toContain(linkFor(MEMBER));
    expect(message.html).toContain(`href="${linkFor(MEMBER)}"`);
    expect(message.html).toContain('Koulut &quot;Itä&quot; &amp; Co');

    const row = await mailRow(database.db, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sealed: null, content: null, lastError: null, sentAt: clock.now().toISOString() });
  });

  it('keeps a rejected message queued, waits out the back-off, then delivers it', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const id = await queueInvitation(database.db, clock, ids, MEMBER, 'smtp');
    const mailer = createSmtpMailer(sink.url, FROM);
    sink.rejectWith(451, 'Mailbox busy, try later');

    expect(await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const failed = await mailRow(database.db, id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed.lastError).toContain('451');
    expect(failed.lastError).toContain('Mailbox busy');
    expect(failed.nextAttemptAt).toBe(new Date(clock.now().getTime() + retryDelayMs(1)).toISOString());
    // The content waits for the next attempt, sealed: readable with the key, not in the stored bytes.
    expect(failed.content?.recipient).toBe(MEMBER);
    expect(failed.content?.textBody).toContain(linkFor(MEMBER));
    expect(failed.sealed!.toString('latin1')).not.toContain(MEMBER);
    expect(failed.sealed!.toString('latin1')).not.toContain('-token');

    sink.rejectWith(null);
    clock.advance(retryDelayMs(1) - 1_000);
    expect(await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(1_000);
    expect(await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    expect(await mailRow(database.db, id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null, sealed: null });
  });

  it('records a dead server as a retryable failure', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const id = await queueInvitation(database.db, clock, ids, MEMBER, 'smtp');

    const report = await deliverDueMail(database.db, createSmtpMailer(`smtp://127.0.0.1:${await closedPort()}`, FROM), clock, SECRET_KEY);

    expect(report.retrying).toBe(1);
    const row = await mailRow(database.db, id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(row.nextAttemptAt! > clock.now().toISOString()).toBe(true);
  });

  it('gives up after the last attempt, and retryFailed queues the mail again', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const id = await queueInvitation(database.db, clock, ids, MEMBER, 'smtp');
    const mailer = createSmtpMailer(sink.url, FROM);
    sink.rejectWith(550, 'No such user');

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect((await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).retrying).toBe(1);
      clock.advance(retryDelayMs(attempt));
    }
    expect(await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const gaveUp = await mailRow(database.db, id);
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    // A failed invitation keeps its content, so that retryFailed can send it.
    expect(gaveUp.content?.recipient).toBe(MEMBER);
    clock.advance(7 * 24 * 3600_000);
    expect(await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    sink.rejectWith(null);
    expect(await retryFailed(database.db, clock, ids.roundId)).toBe(1);
    expect(await mailRow(database.db, id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).sent).toBe(1);
    expect(sink.messages.map((m) => m.subject)).toEqual(['Kutsu kyselyyn: Kevät 2026']);
  });

  it('never stores the SMTP password in the error', async () => {
    await sink.close();
    sink = await startSmtpSink({ requireAuth: { username: 'relay-user', password: 'Salainen-Sana-42' } });
    sink.rejectWith(554, 'Rejected for relay-user with password Salainen-Sana-42');
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const id = await queueInvitation(database.db, clock, ids, MEMBER, 'smtp');

    await deliverDueMail(database.db, createSmtpMailer(`smtp://relay-user:Salainen-Sana-42@127.0.0.1:${sink.port}`, FROM), clock, SECRET_KEY);

    const { lastError } = await mailRow(database.db, id);
    expect(lastError).toContain('554');
    expect(lastError).not.toContain('Salainen-Sana-42');
  });
});

describe('a reminder over SMTP', () => {
  it('leaves no row once delivered, while an invitation keeps its status row', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const invitation = await queueInvitation(database.db, clock, ids, 'kutsuttu@koulu.example', 'smtp');
    const reminder = await queueInvitation(database.db, clock, ids, MEMBER, 'smtp', 'reminder');
    expect((await mailRow(database.db, reminder)).content?.recipient).toBe(MEMBER);

    expect(await deliverDueMail(database.db, createSmtpMailer(sink.url, FROM), clock, SECRET_KEY)).toEqual({ sent: 2, retrying: 0, failed: 0 });

    expect(sink.messages.flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).map((to) => to.text)).sort()).toEqual(['kutsuttu@koulu.example', MEMBER].sort());
    expect(await mailRowIfAny(database.db, reminder)).toBeUndefined();
    expect(await mailRow(database.db, invitation)).toMatchObject({ status: 'sent', sealed: null });
  });

  it('keeps its row while it is retried, and leaves none once given up', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const id = await queueInvitation(database.db, clock, ids, MEMBER, 'smtp', 'reminder');
    const mailer = createSmtpMailer(sink.url, FROM);
    sink.rejectWith(550, 'No such user');

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect((await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).retrying).toBe(1);
      expect(await mailRow(database.db, id)).toMatchObject({ status: 'queued', attempts: attempt });
      clock.advance(retryDelayMs(attempt));
    }
    expect(await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await mailRowIfAny(database.db, id)).toBeUndefined();
    // Nothing is left for retryFailed to send again.
    sink.rejectWith(null);
    expect(await retryFailed(database.db, clock, ids.roundId)).toBe(0);
    expect((await deliverDueMail(database.db, mailer, clock, SECRET_KEY)).sent).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });
});
