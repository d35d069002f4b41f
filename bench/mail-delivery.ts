import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { networks } from '../src/db/schema/index.js';
import { createSmtpMailer } from '../src/mail/mailer.js';
import { deliverDueMail, enqueueMail } from '../src/mail/queue.js';
import type { SmtpPool } from '../src/mail/smtp-options.js';

const SECRET_KEY = 'bench-secret-key-0123456789abcdef0123456789';

/** An SMTP server on 127.0.0.1 that accepts everything and counts connections and messages. */
async function countingRelay() {
  const counts = { connections: 0, messages: 0 };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    onConnect: (_session, callback) => (counts.connections++, callback()),
    onData: (stream, _session, callback) => {
      stream.resume();
      stream.on('end', () => (counts.messages++, callback()));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, counts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function deliverRound(count: number, pool: SmtpPool) {
  const dir = mkdtempSync(join(tmpdir(), 'vp-bench-mail-'));
  const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
  const relay = await countingRelay();
  const mailer = createSmtpMailer(relay.url, 'Verkostopulssi <no-reply@pulssi.example>', { pool });
  try {
    await applyMigrations(database.db);
    const [network] = await database.db.insert(networks).values({ name: 'Bench', createdAt: new Date().toISOString() }).returning();
    const deps = { clock: systemClock, secretKey: SECRET_KEY, mailer };
    const text = 'Hei! Verkoston kevään kysely on avoinna. '.repeat(20);
    for (let i = 0; i < count; i++) {
      await enqueueMail(database.db, deps, { networkId: network!.id, kind: 'invitation', recipient: `jasen${i}@koulu.example`, subject: 'Kutsu kyselyyn', textBody: text, htmlBody: `<p>${text}</p>` });
    }
    const started = performance.now();
    const report = await deliverDueMail(database.db, mailer, systemClock, SECRET_KEY, { batchSize: count });
    const seconds = (performance.now() - started) / 1000;
    if (report.sent !== count || relay.counts.messages !== count) throw new Error(`sent ${report.sent}, relay received ${relay.counts.messages} of ${count}`);
    return `${Math.round(count / seconds)} messages/s, ${relay.counts.connections} connection(s)`;
  } finally {
    mailer.close();
    await relay.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A round's invitations through the default pool against a connection per message (maxMessages 1), to a relay on this machine. */
export async function benchMailDelivery(count = 500) {
  return {
    [`${count} invitations, pooled (defaults)`]: await deliverRound(count, {}),
    [`${count} invitations, a connection per message`]: await deliverRound(count, { maxMessages: 1 }),
  };
}
