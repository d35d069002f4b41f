import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { deliverDueMail } from '../../src/mail/queue.js';
import { fixedClock } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { SECRET_KEY, mailRow, networkWithRound, queueInvitation } from './fixtures.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'Verkostopulssi <no-reply@pulssi.example>';
const COUNT = 12;

let database: TestDatabase;
let second: Database;
let sink: SmtpSink;
beforeEach(async () => {
  database = await createTestDatabase();
  // A second connection pool on the same file stands for a second server process.
  second = await openDatabase(database.url);
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
  second.close();
  database.dispose();
});

it('two deliverers running at once send each message exactly once', async () => {
  const clock = fixedClock();
  const ids = await networkWithRound(database.db, clock);
  const recipients = Array.from({ length: COUNT }, (_, i) => `jasen${i}@koulu.example`);
  const rowIds = [];
  for (const recipient of recipients) rowIds.push(await queueInvitation(database.db, clock, ids, recipient, 'smtp'));
  const mailer = createSmtpMailer(sink.url, FROM);

  const reports = await Promise.all([
    deliverDueMail(database.db, mailer, clock, SECRET_KEY, { batchSize: COUNT }),
    deliverDueMail(second.db, mailer, clock, SECRET_KEY, { batchSize: COUNT }),
    deliverDueMail(database.db, mailer, clock, SECRET_KEY, { batchSize: COUNT }),
  ]);

  expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(COUNT);
  const received = sink.messages.flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).map((to) => to.text));
  expect(received.sort()).toEqual([...recipients].sort());
  for (const id of rowIds) expect(await mailRow(database.db, id)).toMatchObject({ status: 'sent', attempts: 1, sealed: null });
});
