import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailStatusForRound, listOutbox } from '../../src/mail/mail-status.js';
import { createSmtpMailer, outboxMailer } from '../../src/mail/mailer.js';
import { deliverDueMail } from '../../src/mail/queue.js';
import { fixedClock } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { linkFor, mailRow, networkWithRound, queueInvitation } from './fixtures.js';
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

    expect(await mailRow(database.db, first)).toMatchObject({ status: 'outbox', nextAttemptAt: null, attempts: 0 });
    expect(await deliverDueMail(database.db, outboxMailer, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Even an SMTP deliverer leaves the outbox alone, e.g. after SMTP_URL is set later.
    expect((await deliverDueMail(database.db, createSmtpMailer(sink.url, FROM), clock)).sent).toBe(0);
    expect(sink.messages).toHaveLength(0);

    const page = await listOutbox(database.db, ids.networkId, { limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((m) => m.id)).toEqual([second]);
    expect(page.items[0]).toMatchObject({ recipient: 'toka@koulu.example', kind: 'invitation', subject: 'Kutsu kyselyyn: Kevät 2026' });
    expect(page.items[0]!.textBody).toContain(linkFor('toka@koulu.example'));
    expect((await listOutbox(database.db, ids.networkId, { limit: 10, offset: 1 })).items.map((m) => m.id)).toEqual([first]);
  });
});

describe('mailStatusForRound', () => {
  it('counts by status and lists open problems, without the addresses of reminders', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const mailer = createSmtpMailer(sink.url, FROM);
    await queueInvitation(database.db, clock, ids, 'perilla@koulu.example', 'smtp');
    await deliverDueMail(database.db, mailer, clock);
    sink.rejectWith(452, 'Mailbox full');
    await queueInvitation(database.db, clock, ids, 'kutsu@koulu.example', 'smtp');
    await queueInvitation(database.db, clock, ids, 'muistutus@koulu.example', 'smtp', 'reminder');
    await deliverDueMail(database.db, mailer, clock);

    const status = await mailStatusForRound(database.db, ids.roundId);

    expect(status).toMatchObject({ queued: 2, sent: 1, failed: 0, outbox: 0 });
    expect(status.recentErrors).toEqual([
      { kind: 'reminder', recipient: null, status: 'queued', attempts: 1, error: 'EENVELOPE: 452 Mailbox full', nextAttemptAt: expect.any(String) },
      { kind: 'invitation', recipient: 'kutsu@koulu.example', status: 'queued', attempts: 1, error: 'EENVELOPE: 452 Mailbox full', nextAttemptAt: expect.any(String) },
    ]);
    expect(JSON.stringify(status)).not.toContain('muistutus@koulu.example');
  });
});
