import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { createMailer, MailSendError, type Mailer } from '../../src/mail/mailer.js';
import { silentLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const FROM = 'Verkostopulssi <no-reply@pulssi.example>';
const MESSAGE = { to: 'jasen@koulu.example', subject: 'Kutsu', text: 'Hei', html: '<p>Hei</p>' };

let dir: string;
let caFile: string;
let tls: { key: string; cert: string };
let sink: SmtpSink | undefined;
let mailer: Mailer | undefined;

/** A private CA and a relay certificate for 127.0.0.1 signed by it, as a municipality's internal relay would have. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vp-ca-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Kunnan sisainen CA');
  openssl('req', ...ec, '-keyout', 'relay.key', '-out', 'relay.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', 'relay.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'relay.pem', '-days', '2', '-extfile', 'san.ext');
  caFile = join(dir, 'ca.pem');
  tls = { key: readFileSync(join(dir, 'relay.key'), 'utf8'), cert: readFileSync(join(dir, 'relay.pem'), 'utf8') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  mailer?.close();
  await sink?.close();
});

const mailerFor = (env: Record<string, string>) => createMailer(parseConfig({ MAIL_FROM: FROM, ...env }));

describe('SMTP through a relay with a private CA', () => {
  it('refuses the STARTTLS upgrade to an untrusted certificate, and sends once SMTP_CA_FILE names the CA', async () => {
    sink = await startSmtpSink({ tls });
    mailer = mailerFor({ SMTP_URL: sink.url });
    const refused = await mailer.send(MESSAGE).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MailSendError);
    expect(String(refused)).toMatch(/certificate/i);
    mailer.close();

    mailer = mailerFor({ SMTP_URL: sink.url, SMTP_CA_FILE: caFile });
    await mailer.send(MESSAGE);
    expect(sink.messages.map((m) => m.subject)).toEqual(['Kutsu']);
    expect(sink.secured).toEqual([true]);
  });

  it('trusts the CA for smtps:// too', async () => {
    sink = await startSmtpSink({ tls: { ...tls, implicit: true } });
    mailer = mailerFor({ SMTP_URL: sink.url, SMTP_CA_FILE: caFile });
    await mailer.send(MESSAGE);
    expect(sink.secured).toEqual([true]);
  });

  it('sends unverified with ?tls.rejectUnauthorized=false (for trials only)', async () => {
    sink = await startSmtpSink({ tls });
    mailer = mailerFor({ SMTP_URL: `${sink.url}?tls.rejectUnauthorized=false` });
    await mailer.send(MESSAGE);
    expect(sink.secured).toEqual([true]);
  });

  it('stops the start with a message naming SMTP_CA_FILE when the file is missing or no certificate', async () => {
    const missing = join(dir, 'missing.pem');
    expect(() => mailerFor({ SMTP_URL: 'smtp://127.0.0.1:25', SMTP_CA_FILE: missing })).toThrow(ConfigError);
    expect(() => mailerFor({ SMTP_URL: 'smtp://127.0.0.1:25', SMTP_CA_FILE: missing })).toThrow(`SMTP_CA_FILE: cannot read ${missing} (no such file)`);
    expect(() => mailerFor({ SMTP_URL: 'smtp://127.0.0.1:25', SMTP_CA_FILE: join(dir, 'ca.key') })).toThrow(/SMTP_CA_FILE: .* holds no PEM certificate/);
    // At start, before the database is opened: nothing is created.
    const config = parseConfig({ SMTP_URL: 'smtp://127.0.0.1:25', SMTP_CA_FILE: missing, MAIL_FROM: FROM, PORT: '0', DATABASE_URL: `file:${join(dir, 'data', 'db.sqlite')}`, SECRET_KEY: 'k'.repeat(40) });
    await expect(startServer(config, { log: silentLogger })).rejects.toThrow('SMTP_CA_FILE: cannot read');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
