import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { outgoingMail } from '../db/schema/index.js';
import { mailSealingKey, sealMail } from '../mail/sealed-mail.js';
import { MailSendError, type Mailer } from '../mail/mailer.js';
import type { ComposedDigest } from './compose-digest.js';

/** The outgoing_mail kind of a digest. */
export const DIGEST_MAIL_KIND = 'digest';

export type DeliveryResult = 'sent' | 'failed' | 'inOutbox';
export type Delivery = { networkId: number; networkName: string; to: string; replyTo: string; digest: ComposedDigest };

/**
 * Sends one digest at once, without the queue: the queue stores no
 * attachments, and a digest is cheap to send again on demand. Each outcome is
 * kept in outgoing_mail so the network's mail counts include it; the bodies
 * are not kept after sending, since they carry the report link.
 * In outbox mode the digest waits in the local outbox like any other mail
 * (for the operator's `npm run outbox`; the charts are not stored).
 */
export async function deliverDigest(deps: { db: Db; mailer: Mailer; clock: Clock; secretKey: string }, delivery: Delivery): Promise<DeliveryResult> {
  const { db, mailer, clock } = deps;
  const { digest } = delivery;
  const row = { networkId: delivery.networkId, kind: DIGEST_MAIL_KIND, createdAt: clock.now().toISOString() };
  if (mailer.mode === 'outbox') {
    const content = { recipient: delivery.to, subject: digest.subject, textBody: digest.text, htmlBody: digest.html, replyTo: delivery.replyTo, senderName: delivery.networkName };
    await db.insert(outgoingMail).values({ ...row, sealed: sealMail(mailSealingKey(deps.secretKey), DIGEST_MAIL_KIND, content), status: 'outbox' });
    return 'inOutbox';
  }
  let lastError: string | null = null;
  try {
    await mailer.send({
      to: delivery.to,
      subject: digest.subject,
      text: digest.text,
      html: digest.html,
      fromName: delivery.networkName,
      replyTo: delivery.replyTo,
      attachments: digest.attachments,
    });
  } catch (error) {
    // Only MailSendError messages are known to be free of credentials.
    lastError = error instanceof MailSendError ? error.message : 'unexpected error while sending';
  }
  const status = lastError === null ? 'sent' : 'failed';
  await db
    .insert(outgoingMail)
    .values({ ...row, status, attempts: 1, lastError, sentAt: lastError === null ? clock.now().toISOString() : null });
  return status;
}
