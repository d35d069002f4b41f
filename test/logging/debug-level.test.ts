import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../src/logger.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { linkFor, networkWithRound, queueInvitation } from '../mail/fixtures.js';

let t: TestApp;
let sink: SmtpSink;
afterEach(async () => {
  t.deps.mailer.close();
  await sink.close();
  t.database.dispose();
});

/** A scheduler pass with nothing due, then due work that sends an invitation and a reminder, logged at `level`. */
async function passesLoggedAt(level: LogLevel): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  sink = await startSmtpSink();
  t = await createTestApp({ log: createLogger(level, (line) => lines.push(line)), mailer: createSmtpMailer(sink.url, 'Verkostopulssi <no-reply@pulssi.example>') });
  await startScheduler(t.deps).stop();
  const ids = await networkWithRound(t.deps.db, t.deps.clock);
  await queueInvitation(t.deps.db, t.deps.clock, ids, 'jasen@koulu.example', 'smtp');
  await queueInvitation(t.deps.db, t.deps.clock, ids, 'toinen@koulu.example', 'smtp', 'reminder');
  await runDueWork(t.deps);
  expect(sink.messages).toHaveLength(2);
  const text = lines.join('\n');
  for (const secret of ['jasen@koulu.example', 'toinen@koulu.example', linkFor('jasen@koulu.example')]) expect(text).not.toContain(secret);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('LOG_LEVEL=debug', () => {
  it('adds scheduler passes with nothing to do and each mail attempt by kind and outcome, never an address; reminders not one by one', async () => {
    const lines = await passesLoggedAt('debug');
    expect(lines.filter((line) => line.level === 'debug').map(({ message, kind, outcome }) => ({ message, kind, outcome }))).toEqual([
      { message: 'scheduler pass: nothing due', kind: undefined, outcome: undefined },
      { message: 'mail attempt', kind: 'invitation', outcome: 'sent' },
    ]);
  });

  it('writes none of that at info', async () => {
    const lines = await passesLoggedAt('info');
    expect(lines.filter((line) => line.level === 'debug')).toEqual([]);
    expect(lines).toEqual([]);
  });
});
