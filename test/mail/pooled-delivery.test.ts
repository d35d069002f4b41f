import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../../src/mail/mailer.js';
import { deliverDueMail } from '../../src/mail/queue.js';
import { poolOptions } from '../../src/mail/smtp-options.js';
import { fixedClock } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { SECRET_KEY, networkWithRound, queueInvitation } from './fixtures.js';

const FROM = 'Verkostopulssi <no-reply@pulssi.example>';
const COUNT = 36;

let database: TestDatabase;
let sink: SmtpSink;
let mailer: Mailer | undefined;
beforeEach(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});
afterEach(async () => {
  mailer?.close();
  await sink.close();
  database.dispose();
});

async function queueRound(count: number) {
  const clock = fixedClock();
  const ids = await networkWithRound(database.db, clock);
  for (let i = 0; i < count; i++) await queueInvitation(database.db, clock, ids, `jasen${i}@koulu.example`, 'smtp');
  return clock;
}

describe('pooled SMTP delivery', () => {
  it('sends a round of invitations over a kept-open connection, not one connection per message', async () => {
    const clock = await queueRound(COUNT);
    mailer = createSmtpMailer(sink.url, FROM);
    expect(await deliverDueMail(database.db, mailer, clock, SECRET_KEY, { batchSize: COUNT })).toEqual({ sent: COUNT, retrying: 0, failed: 0 });
    expect(sink.messages).toHaveLength(COUNT);
    expect(sink.connections()).toBeGreaterThanOrEqual(1);
    expect(sink.connections()).toBeLessThanOrEqual(2);
  });

  it('opens a new connection after SMTP_MAX_MESSAGES messages', async () => {
    const clock = await queueRound(COUNT);
    mailer = createSmtpMailer(sink.url, FROM, { pool: { maxMessages: 10 } });
    await deliverDueMail(database.db, mailer, clock, SECRET_KEY, { batchSize: COUNT });
    expect(sink.messages).toHaveLength(COUNT);
    expect(sink.connections()).toBe(Math.ceil(COUNT / 10));
  });

  it('passes the configured pool and rate limit to the transport, defaults for what is not set', () => {
    expect(poolOptions({})).toEqual({ pool: true, maxConnections: 2, maxMessages: 100 });
    expect(poolOptions({ pool: { maxConnections: 4, rateLimit: 30, rateDeltaMs: 60_000, maxMessages: undefined } })).toEqual({
      pool: true,
      maxConnections: 4,
      maxMessages: 100,
      rateLimit: 30,
      rateDelta: 60_000,
    });
  });
});
