import { sql } from 'drizzle-orm';
import { receiptNullifier } from '../answering/receipts.js';
import { mailSealingKey, sealMail } from '../mail/sealed-mail.js';
import { invitationToken } from '../rounds/invitation-links.js';
import type { Db } from './client.js';
import { isEmbedded } from './kind.js';

type UsedInvitation = { invitation_id: number; round_id: number; answered_day_sealed: string };
type UnsealedMail = { id: number; kind: string; recipient: string; subject: string; text_body: string; html_body: string; reply_to: string | null; sender_name: string | null };

const tableExists = async (db: Db, name: string) =>
  (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${name}`))[0]!.n > 0;

/**
 * Finishes migration 0002 on a database that had answers and mail before it:
 * what needs the secret key could not be done in SQL. Used invitations become
 * receipts keyed to their links, unsent mail is sealed, the holding tables
 * go, and VACUUM rewrites the file so that no page keeps the old layout
 * (responses in arrival order) or the old plaintext in free space. On a
 * libSQL server there is no file to rewrite from here: its log and backups
 * hold the old pages until its operator discards them (README, "Database
 * layer"). Does nothing on a database created after the migration.
 */
export async function finishAnonymityUpgrade(db: Db, secretKey: string): Promise<boolean> {
  if (!(await tableExists(db, 'upgrade_used_invitations'))) return false;
  // A new database passes through the migration with nothing to carry over: no rewrite, no message.
  const [held] = await db.all<{ n: number }>(sql`SELECT (SELECT count(*) FROM upgrade_used_invitations) + (SELECT count(*) FROM upgrade_unsealed_mail) AS n`);
  if (!held?.n) {
    await db.run(sql`DROP TABLE upgrade_used_invitations`);
    await db.run(sql`DROP TABLE upgrade_unsealed_mail`);
    return false;
  }
  const key = mailSealingKey(secretKey);
  await db.transaction(async (tx) => {
    for (const used of await tx.all<UsedInvitation>(sql`SELECT invitation_id, round_id, answered_day_sealed FROM upgrade_used_invitations`)) {
      const nullifier = receiptNullifier(secretKey, invitationToken(secretKey, used.invitation_id));
      await tx.run(sql`INSERT INTO answer_receipts (nullifier, round_id, answered_day_sealed) VALUES (${nullifier}, ${used.round_id}, ${used.answered_day_sealed}) ON CONFLICT DO NOTHING`);
    }
    const unsealed = await tx.all<UnsealedMail>(sql`
      SELECT m.id, o.kind, m.recipient, m.subject, m.text_body, m.html_body, m.reply_to, m.sender_name
      FROM upgrade_unsealed_mail AS m JOIN outgoing_mail AS o ON o.id = m.id`);
    for (const mail of unsealed) {
      const content = { recipient: mail.recipient, subject: mail.subject, textBody: mail.text_body, htmlBody: mail.html_body, replyTo: mail.reply_to ?? undefined, senderName: mail.sender_name ?? undefined };
      await tx.run(sql`UPDATE outgoing_mail SET sealed = ${sealMail(key, mail.kind, content)} WHERE id = ${mail.id}`);
    }
    await tx.run(sql`DROP TABLE upgrade_used_invitations`);
    await tx.run(sql`DROP TABLE upgrade_unsealed_mail`);
  });
  if (isEmbedded(db)) await db.run(sql`VACUUM`);
  return true;
}
