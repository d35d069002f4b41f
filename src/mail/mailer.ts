import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { Config } from '../config.js';
import { poolOptions, readCaFile, type SmtpOptions } from './smtp-options.js';

/** An image shown inside the HTML part, referenced there as src="cid:<cid>". */
export type InlineImage = { filename: string; content: Buffer; cid: string; contentType: string };

export type OutgoingMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Display name of the sender, e.g. the network's name; the address is always MAIL_FROM's. */
  fromName?: string | undefined;
  /** Where a reply goes, e.g. the coordinator who sent the round. */
  replyTo?: string | undefined;
  attachments?: InlineImage[] | undefined;
};

/**
 * "outbox": nothing is sent; the queue keeps mail sealed for the operator's `npm run outbox`, never shown in the product.
 * close() ends the pool's open connections (on shutdown, after the last send).
 */
export type Mailer = { readonly mode: 'smtp' | 'outbox'; send(message: OutgoingMessage): Promise<void>; close(): void };

/** A send failed; the message is short and safe to store and show (no credentials). */
export class MailSendError extends Error {}

// A dead or hanging server must fail within seconds: one send stays far inside its lease, and a batch cannot stall the scheduler.
const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000, dnsTimeout: 5_000 };
const MAX_REASON_LENGTH = 300;

export const outboxMailer: Mailer = {
  mode: 'outbox',
  send: () => Promise.reject(new MailSendError('outbox mode sends nothing')),
  close: () => {},
};

type MailConfig = Pick<Config, 'mailMode' | 'smtpUrl' | 'mailFrom' | 'smtpCaFile' | 'smtpPool'>;

/** The mailer of the configured MAIL_MODE (see config.ts); reads SMTP_CA_FILE now, so a bad one stops the start. */
export function createMailer(config: MailConfig): Mailer {
  if (config.mailMode !== 'smtp' || !config.smtpUrl) return outboxMailer;
  return createSmtpMailer(config.smtpUrl, config.mailFrom, { pool: config.smtpPool, ca: config.smtpCaFile ? readCaFile(config.smtpCaFile) : undefined });
}

export function createSmtpMailer(smtpUrl: string, from: string, options: SmtpOptions = {}): Mailer {
  const [sender] = addressparser(from, { flatten: true });
  if (!sender?.address) throw new Error('MAIL_FROM has no e-mail address');
  const { address, name: defaultName } = sender;
  // Settings given in SMTP_URL's query (e.g. ?tls.rejectUnauthorized=false) win over these.
  const transport = nodemailer.createTransport({ url: smtpUrl, ...poolOptions(options), ...TIMEOUTS });
  const secrets = passwordOf(smtpUrl);
  return {
    mode: 'smtp',
    async send(message) {
      try {
        await transport.sendMail({
          // An object, not a string: nodemailer quotes and encodes a name such as `"Koulut" & <Co>` safely.
          from: { name: message.fromName ?? defaultName, address },
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          // A plain-text message (feedback a person wrote) has no HTML part.
          html: message.html || undefined,
          attachments: message.attachments,
          // RFC 3834: out-of-office responders must not answer automated mail.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw new MailSendError(shortReason(error, secrets));
      }
    },
    close: () => transport.close(),
  };
}

/** The password in SMTP_URL, raw and decoded, to keep out of stored errors. */
function passwordOf(smtpUrl: string): string[] {
  try {
    const { password } = new URL(smtpUrl);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

/** E.g. "EENVELOPE: 550 5.1.1 No such user": the server's reply, never the URL's password. */
function shortReason(error: unknown, secrets: string[]): string {
  const e = error as { code?: unknown; response?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : 'ERROR';
  const detail = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  let reason = `${code}: ${detail}`.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) reason = reason.split(secret).join('***');
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
}
