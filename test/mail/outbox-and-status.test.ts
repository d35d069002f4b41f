import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailStatusForRound } from '../../src/mail/mail-status.js';
import { createSmtpMailer, outboxMailer } from '../../src/mail/mailer.js';
import { formatOutbox, readOutbox, writeEmlFiles } from '../../src/mail/operator-outbox.js';
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

    const stored = await mailRow(database.db, first);
    expect(stored).toMatchObject({ status: 'outbox', nextAttemptAt: null, attempts: 0 });
    expect(stored.content?.recipient).toBe('eka@koulu.example');
    expect(stored.sealed!.toString('latin1')).not.toContain('eka@koulu.example');
    expect(await deliverDueMail(database.db, outboxMailer, clock, SECRET_KEY)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Even an SMTP deliverer leaves the outbox alone, e.g. after SMTP_URL is set later.
    expect((await deliverDueMail(database.db, createSmtpMailer(sink.url, FROM), clock, SECRET_KEY)).sent).toBe(0);
    expect(sink.messages).toHaveLength(0);

    // Only the operator opens it, with the key: every network's mail, oldest first.
    const kept = await readOutbox(database.db, SECRET_KEY);
    expect(kept.map((m) => m.recipient)).toEqual(['eka@koulu.example', 'toka@koulu.example', 'muu@koulu.example']);
    const mine = await readOutbox(database.db, SECRET_KEY, { networkId: ids.networkId });
    expect(mine.map((m) => m.id)).toEqual([first, second]);
    expect(mine[1]).toMatchObject({ recipient: 'toka@koulu.example', kind: 'invitation', subject: 'Kutsu kyselyyn: Kevät 2026' });
    const text = formatOutbox(mine);
    expect(text).toContain('To: toka@koulu.example');
    expect(text).toContain(linkFor('toka@koulu.example'));
    expect(text).not.toContain('muu@koulu.example');
    expect(formatOutbox([])).toBe('The outbox is empty.\n');
  });

  it('writes the mail as .eml files for a mail program', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    const id = await queueInvitation(database.db, clock, ids, 'eka@koulu.example', 'outbox');
    const dir = join(database.dir, 'eml');
    const paths = await writeEmlFiles(await readOutbox(database.db, SECRET_KEY), dir, FROM);
    expect(paths).toEqual([join(dir, `${id}.eml`)]);
    const eml = readFileSync(paths[0]!, 'utf8');
    expect(eml).toMatch(/^To: eka@koulu\.example$/m);
    expect(eml).toMatch(/^From: .*<no-reply@pulssi\.example>$/m);
    expect(eml).toContain('Content-Type: text/html');
  });
});

describe('npm run outbox', () => {
  it('prints the outbox of the configured database, opened with the configured key', async () => {
    const clock = fixedClock();
    const ids = await networkWithRound(database.db, clock);
    await queueInvitation(database.db, clock, ids, 'eka@koulu.example', 'outbox');
    // The test runner puts its own BASE_URL into the environment; the command must not see it.
    const { BASE_URL: _runnerBase, ...env } = process.env;
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn('node', ['--import', 'tsx', 'scripts/outbox.ts', ...args], {
          env: { ...env, DATABASE_URL: database.url, SECRET_KEY, SMTP_URL: '', MAIL_MODE: 'outbox' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
    const printed = await run([]);
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('To: eka@koulu.example');
    expect(printed.out).toContain(linkFor('eka@koulu.example'));
    const written = await run(['--network', String(ids.networkId), '--eml', join(database.dir, 'eml')]);
    expect(written.out).toContain('1 message(s) written');
    expect(readdirSync(join(database.dir, 'eml'))).toHaveLength(1);
    expect((await run(['--network', 'x'])).code).toBe(1);
  }, 30_000);
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
