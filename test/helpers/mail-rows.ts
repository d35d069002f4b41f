import { asc } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { outgoingMail } from '../../src/db/schema/index.js';
import { mailSealingKey, openMail, type MailContent } from '../../src/mail/sealed-mail.js';

export type OpenedMailRow = typeof outgoingMail.$inferSelect & Partial<MailContent>;

/** Every mail row, oldest first, with its sealed content opened as the server would (empty once delivered). */
export async function openedMailRows(deps: { db: Db; secretKey: string }): Promise<OpenedMailRow[]> {
  const key = mailSealingKey(deps.secretKey);
  const rows = await deps.db.select().from(outgoingMail).orderBy(asc(outgoingMail.id));
  return rows.map((row) => ({ ...row, ...(row.sealed ? openMail(key, row.kind, row.sealed) : {}) }));
}
