import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { MAIL_STATUSES, outgoingMail } from '../db/schema/index.js';

export type MailCounts = Record<(typeof MAIL_STATUSES)[number], number>;

/**
 * How much of a network's mail is queued, sent, failed or in the outbox: all
 * the network's mail page shows. Reminders are left out, as on the round page:
 * how many wait in the queue would tell how many have not answered.
 */
export async function networkMailCounts(db: Db, networkId: number): Promise<MailCounts> {
  const rows = await db
    .select({ status: outgoingMail.status, n: count() })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.networkId, networkId), ne(outgoingMail.kind, 'reminder')))
    .groupBy(outgoingMail.status);
  const counts: MailCounts = { queued: 0, sent: 0, failed: 0, outbox: 0 };
  for (const { status, n } of rows) counts[status] = n;
  return counts;
}
