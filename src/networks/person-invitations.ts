import { and, eq, isNull } from 'drizzle-orm';
import { issueAccountLink } from '../accounts/account-links.js';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { authTokens, type Role } from '../db/schema/index.js';

export const INVITE_DAYS = 14;

/** Issues the single-use join link and records who invited whom, together. */
export async function invitePerson(db: Db, clock: Clock, secretKey: string, networkId: number, actor: Actor, invitee: { email: string; role: Role }): Promise<string> {
  return db.transaction(async (tx) => {
    const token = await issueAccountLink(tx, clock, secretKey, 'account_invite', INVITE_DAYS * 86_400_000, { networkId, ...invitee });
    await recordAudit(tx, { networkId, actor, at: clock.now(), action: 'person_invited', details: invitee });
    return token;
  });
}

/**
 * Deletes a pending invitation of this network, so its emailed link no longer
 * works; null when there is none (already used, withdrawn, or another network's).
 */
export async function withdrawInvitation(db: Db, clock: Clock, networkId: number, actor: Actor, invitationId: number): Promise<{ email: string; role: Role } | null> {
  return db.transaction(async (tx) => {
    const [withdrawn] = await tx
      .delete(authTokens)
      .where(and(eq(authTokens.id, invitationId), eq(authTokens.networkId, networkId), eq(authTokens.purpose, 'account_invite'), isNull(authTokens.usedAt)))
      .returning({ email: authTokens.email, role: authTokens.role });
    if (!withdrawn?.email || !withdrawn.role) return null;
    const invitee = { email: withdrawn.email, role: withdrawn.role };
    await recordAudit(tx, { networkId, actor, at: clock.now(), action: 'invitation_withdrawn', details: invitee });
    return invitee;
  });
}
