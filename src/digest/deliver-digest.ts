import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Mailer } from '../mail/mailer.js';
import { enqueueMail } from '../mail/queue.js';
import type { ComposedDigest } from './compose-digest.js';

export type DeliveryResult = 'queued' | 'inOutbox';
export type Delivery = { networkId: number; networkName: string; to: string; replyTo: string; digest: ComposedDigest };

/**
 * Queues one digest, its charts with it, sealed like every other mail: the
 * queue retries a relay that is down, and the content (with the report link)
 * is emptied once it has gone. In outbox mode it waits in the local outbox
 * for the operator's `npm run outbox`.
 */
export async function queueDigest(deps: { db: Db; mailer: Pick<Mailer, 'mode'>; clock: Clock; secretKey: string }, delivery: Delivery): Promise<DeliveryResult> {
  const { digest } = delivery;
  await enqueueMail(deps.db, deps, {
    networkId: delivery.networkId,
    kind: 'digest',
    recipient: delivery.to,
    subject: digest.subject,
    textBody: digest.text,
    htmlBody: digest.html,
    replyTo: delivery.replyTo,
    senderName: delivery.networkName,
    attachments: digest.attachments.map(({ content, ...image }) => ({ ...image, base64: content.toString('base64') })),
  });
  return deps.mailer.mode === 'smtp' ? 'queued' : 'inOutbox';
}
