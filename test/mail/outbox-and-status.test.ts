import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailStatusForRound, listOutbox } from '../../src/mail/mail-status.js';
import { createSmtpMailer, outboxMailer } from '../../src/mail/mailer.js';
import { MAX_ATTEMPTS, deliverDueMail, retryDelayMs } from '../../src/mail/queue.js';
import { closeRound } from '../../src/rounds/transitions.js';
import { fixedClock, realCatalogue } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { SECRET_KEY, linkFor, mailRow, networkWithRound, queueInvitation } from './fixtures.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'Verkostopulssi <no-reply@pulssi.example>';

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

describe('outbox mode', () => {
  it('stores the mail for reading and sends nothing', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const other = await networkWithRound(database.db, clock);
    const first = await queueInvitation(database.db, clock, ids, 'eka@koulu.example', 'outbox');
    const second = await queueInvitation(database.db, clock, ids, 'toka@koulu.example', 'outbox');
    await queueInvitation(database.db, clock, other, 'muu@koulu.example', 'outbox');
    // A reminder row is never listed: reminders go only to those who have not answered.
    await queueInvitation(database.db, clock, ids, 'muistutus@koulu.example', 'outbox', 'reminder');

    const stored = await mailRow(database.db, first);
    expect(stored).toMatchObject({ status: 'outbox', nextAttemptAt: null, attempts: 0 });
    expect(stored.content?.recipient).toBe('eka@koulu.example');
    expect(stored.sealed!.toString('latin1')).not.toContain('eka@koulu.example');
    expect(await deliverDueMail(database.db, outboxMailer, clock, SECRET_KEY)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Even an SMTP deliverer leaves the outbox alone, e.g. after SMTP_URL is set later.
    expect((await deliverDueMail(database.db, createSmtpMailer(sink.url, FROM), clock, SECRET_KEY)).sent).toBe(0);
    expect(sink.messages).toHaveLength(0);

    const page = await listOutbox(database.db, SECRET_KEY, ids.networkId, { limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((m) => m.id)).toEqual([second]);
    expect(page.items[0]).toMatchObject({ recipient: 'toka@koulu.example', kind: 'invitation', subject: 'Kutsu kyselyyn: Kevät 2026' });
    expect(page.items[0]!.textBody).toContain(linkFor('toka@koulu.example'));
    const rest = await listOutbox(database.db, SECRET_KEY, ids.networkId, { limit: 10, offset: 1 });
    expect(rest.items.map((m) => m.id)).toEqual([first]);
    expect(JSON.stringify([page, rest])).not.toContain('muistutus@koulu.example');
  });
});

describe('mailStatusForRound', () => {
  it('counts by status and lists open problems, leaving reminders out altogether', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const mailer = createSmtpMailer(sink.url, FROM);
    await queueInvitation(database.db, clock, ids, 'perilla@koulu.example', 'smtp');
    await deliverDueMail(database.db, mailer, clock, SECRET_KEY);
    sink.rejectWith(452, 'Mailbox full');
    await queueInvitation(database.db, clock, ids, 'kutsu@koulu.example', 'smtp');
    const reminder = await queueInvitation(database.db, clock, ids, 'muistutus@koulu.example', 'smtp', 'reminder');
    await deliverDueMail(database.db, mailer, clock, SECRET_KEY);

    // The reminder is there, waiting for its next attempt, but the round page is not told.
    const waiting = await mailRow(database.db, reminder);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastError).toContain('452');

    const status = await mailStatusForRound(database.db, SECRET_KEY, ids.roundId);

    expect(status).toMatchObject({ queued: 1, sent: 1, failed: 0, outbox: 0 });
    expect(status.recentErrors).toEqual([
      { kind: 'invitation', recipient: 'kutsu@koulu.example', status: 'queued', attempts: 1, error: 'EENVELOPE: 452 Mailbox full', nextAttemptAt: expect.any(String) },
    ]);
    expect(JSON.stringify(status)).not.toContain('muistutus@koulu.example');
    expect(JSON.stringify(status)).not.toContain('reminder');
  });

  it('still counts a failed invitation once the round has closed, but no longer knows its address', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const mailer = createSmtpMailer(sink.url, FROM);
    sink.rejectWith(550, 'No such user');
    const failed = await queueInvitation(database.db, clock, ids, 'poissa@koulu.example', 'smtp');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueMail(database.db, mailer, clock, SECRET_KEY);
      clock.advance(retryDelayMs(attempt));
    }
    expect((await mailRow(database.db, failed)).status).toBe('failed');
    expect((await mailStatusForRound(database.db, SECRET_KEY, ids.roundId)).recentErrors).toMatchObject([{ kind: 'invitation', recipient: 'poissa@koulu.example', status: 'failed' }]);

    await closeRound({ db: database.db, catalogue: realCatalogue(), clock, secretKey: SECRET_KEY }, ids.roundId, null);

    expect(await mailRow(database.db, failed)).toMatchObject({ status: 'failed', sealed: null });
    const status = await mailStatusForRound(database.db, SECRET_KEY, ids.roundId);
    expect(status).toMatchObject({ queued: 0, sent: 0, failed: 1, outbox: 0 });
    expect(status.recentErrors).toEqual([
      { kind: 'invitation', recipient: null, status: 'failed', attempts: MAX_ATTEMPTS, error: 'EENVELOPE: 550 No such user', nextAttemptAt: null },
    ]);
  });
});
