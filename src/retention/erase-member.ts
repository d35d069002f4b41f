import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { eventsNaming } from '../audit/read.js';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import { checkpoint, type Db, type DbOrTx } from '../db/client.js';
import { auditEvents, invitations, members, outgoingMail, rounds } from '../db/schema/index.js';
import { mailSealingKey, openMail } from '../mail/sealed-mail.js';
import { invitationsOfRound } from '../rounds/invited-count.js';

/** In the audit trail an erased person's name and address become blank; the log still says what was done. */
function scrubbed(value: unknown, email: string): unknown {
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, email));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const names = entries.some(([key, v]) => key === 'email' && typeof v === 'string' && v.toLowerCase() === email);
  return Object.fromEntries(entries.map(([key, v]) => [key, names && (key === 'email' || key === 'name') ? '' : scrubbed(v, email)]));
}

async function scrubAudit(tx: DbOrTx, networkId: number, email: string): Promise<void> {
  for (const event of await eventsNaming(tx, email, [networkId])) {
    await tx.update(auditEvents).set({ details: scrubbed(event.details, email) as typeof event.details }).where(eq(auditEvents.id, event.id));
  }
}

/**
 * Erases members of a network for good: the roster rows, their invitations,
 * mail still waiting for them, and their name and address in the activity
 * log. Their anonymous answers stay: nothing links them to anyone. Closed
 * rounds keep their invited totals, so response rates do not change.
 * `actor` null: retention did it.
 */
export async function eraseMembers(db: Db, clock: Clock, secretKey: string, networkId: number, memberIds: number[], actor: Actor): Promise<number> {
  if (memberIds.length === 0) return 0;
  const key = mailSealingKey(secretKey);
  const erased = await db.transaction(async (tx) => {
    const erased = await tx.select({ id: members.id, email: members.email }).from(members).where(and(eq(members.networkId, networkId), inArray(members.id, memberIds)));
    if (erased.length === 0) return 0;
    const ids = erased.map((m) => m.id);
    const addresses = new Set(erased.map((m) => m.email.toLowerCase()));
    const touchedRounds = tx.select({ id: invitations.roundId }).from(invitations).where(inArray(invitations.memberId, ids));
    await tx.update(rounds).set({ invitedTotal: invitationsOfRound }).where(and(eq(rounds.status, 'closed'), isNull(rounds.invitedTotal), inArray(rounds.id, touchedRounds)));
    await tx.delete(invitations).where(inArray(invitations.memberId, ids));
    const waiting = await tx
      .select({ id: outgoingMail.id, kind: outgoingMail.kind, sealed: outgoingMail.sealed })
      .from(outgoingMail)
      .where(and(eq(outgoingMail.networkId, networkId), isNotNull(outgoingMail.sealed), ne(outgoingMail.status, 'sent')));
    const theirs = waiting.filter((mail) => addresses.has(openMail(key, mail.kind, mail.sealed!).recipient.toLowerCase())).map((mail) => mail.id);
    if (theirs.length > 0) await tx.delete(outgoingMail).where(inArray(outgoingMail.id, theirs));
    await tx.delete(members).where(inArray(members.id, ids));
    for (const email of addresses) await scrubAudit(tx, networkId, email);
    await recordAudit(tx, { networkId, actor, at: clock.now(), action: 'members_erased', details: { count: erased.length } });
    return erased.length;
  });
  // The pages that held them leave the write-ahead log too.
  if (erased > 0) await checkpoint(db, 'TRUNCATE');
  return erased;
}
