import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { outgoingMail } from '../../src/db/schema/index.js';
import { deliverSoon } from '../../src/mail/deliver-soon.js';
import { createSmtpMailer, type Mailer } from '../../src/mail/mailer.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { networkWithRound, queueInvitation } from './fixtures.js';

let t: TestApp;
let sink: SmtpSink;
let mailer: Mailer;
afterEach(async () => {
  mailer.close();
  await sink.close();
  t.database.dispose();
});

it('on stop, the send in flight finishes before finish() resolves and the rest stays queued for the next start', async () => {
  sink = await startSmtpSink();
  mailer = createSmtpMailer(sink.url, 'Verkostopulssi <no-reply@pulssi.example>');
  t = await createTestApp({ mailer });
  const ids = await networkWithRound(t.deps.db, t.deps.clock);
  for (let i = 0; i < 10; i++) await queueInvitation(t.deps.db, t.deps.clock, ids, `jasen${i}@koulu.example`, 'smtp');

  deliverSoon(t.deps);
  await new Promise((resolve) => setTimeout(resolve, 1));
  await t.deps.background.finish();
  const sent = await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.status, 'sent'));
  const queued = await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.status, 'queued'));
  // Every claimed message was sent and recorded, none left half-done.
  expect(sent.length).toBeGreaterThanOrEqual(1);
  expect(sent.length).toBeLessThan(10);
  expect(sink.messages).toHaveLength(sent.length);
  expect(sent.length + queued.length).toBe(10);
  expect(queued.every((row) => row.attempts === 0)).toBe(true);

  // Once stopping, nothing new starts.
  deliverSoon(t.deps);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.status, 'queued'))).toHaveLength(queued.length);
});
