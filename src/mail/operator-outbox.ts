import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Db } from '../db/client.js';
import { outgoingMail } from '../db/schema/index.js';
import { imagesOf, mailSealingKey, openMail, type MailContent } from './sealed-mail.js';

export type OutboxMail = MailContent & { id: number; kind: string; networkId: number | null; createdAt: string };

/*
 * Outbox mode keeps mail sealed for the operator only: opening it needs the
 * secret key and the database, i.e. server access. No page or API shows it,
 * since it holds members' answer links and account links.
 */

/** The unsent mail of outbox mode, oldest first, opened with the key. */
export async function readOutbox(db: Db, secretKey: string, filter: { networkId?: number | undefined } = {}): Promise<OutboxMail[]> {
  const inOutbox = and(eq(outgoingMail.status, 'outbox'), isNotNull(outgoingMail.sealed), filter.networkId === undefined ? undefined : eq(outgoingMail.networkId, filter.networkId));
  const rows = await db
    .select({ id: outgoingMail.id, kind: outgoingMail.kind, networkId: outgoingMail.networkId, sealed: outgoingMail.sealed, createdAt: outgoingMail.createdAt })
    .from(outgoingMail)
    .where(inOutbox)
    .orderBy(asc(outgoingMail.id));
  const key = mailSealingKey(secretKey);
  return rows.flatMap(({ sealed, ...row }) => (sealed ? [{ ...row, ...openMail(key, row.kind, sealed) }] : []));
}

/** The mail as plain text for a terminal, one block per message. */
export function formatOutbox(mail: OutboxMail[]): string {
  const blocks = mail.map((m) =>
    [
      `#${m.id} ${m.kind}${m.networkId === null ? '' : ` · network ${m.networkId}`} · ${m.createdAt}`,
      `To: ${m.recipient}`,
      ...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
      `Subject: ${m.subject}`,
      '',
      m.textBody.trimEnd(),
    ].join('\n'),
  );
  return blocks.length === 0 ? 'The outbox is empty.\n' : `${blocks.join('\n\n----------\n\n')}\n`;
}

/**
 * Writes each message as <id>.eml (readable by the owner only), to open in a
 * mail program and send on; the sender is MAIL_FROM under the network's name,
 * as the SMTP mailer would send it. Returns the paths.
 */
export async function writeEmlFiles(mail: OutboxMail[], dir: string, mailFrom: string): Promise<string[]> {
  const [sender] = addressparser(mailFrom, { flatten: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths: string[] = [];
  for (const m of mail) {
    const from = sender ? { name: m.senderName ?? sender.name, address: sender.address } : mailFrom;
    const message = new MailComposer({
      from,
      to: m.recipient,
      replyTo: m.replyTo,
      subject: m.subject,
      text: m.textBody,
      html: m.htmlBody,
      attachments: imagesOf(m),
      date: new Date(m.createdAt),
      // As the SMTP mailer sends it (RFC 3834): no out-of-office replies.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    const path = join(dir, `${m.id}.eml`);
    writeFileSync(path, await message.compile().build(), { mode: 0o600 });
    paths.push(path);
  }
  return paths;
}
