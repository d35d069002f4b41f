import { and, count, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outgoingMail, responses } from '../db/schema/index.js';

/**
 * Mail by status (sent mail left out: it only grows; reminders left out, as in
 * rounds/network-mail.ts: how many wait would tell how many have not answered),
 * and responses once their round has closed.
 */
export async function storedFigures(db: Db) {
  const mail = await db.select({ status: outgoingMail.status, n: count() }).from(outgoingMail).where(and(ne(outgoingMail.status, 'sent'), ne(outgoingMail.kind, 'reminder'))).groupBy(outgoingMail.status);
  // Only the unsealed responses of closed rounds: the sealed ones of an open round would rise with each answer.
  const [stored] = await db.select({ n: count() }).from(responses);
  return { mailByStatus: mail, closedRoundResponses: stored?.n ?? 0 };
}
