import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { grantRole } from '../networks/people.js';
import { claimLink, type AccountLink } from './account-links.js';

/** Who accepts: the signed-in owner of the invited address, or a new account the link creates. */
export type Acceptor = { userId: number } | { name: string; passwordHash: string; language: Language };

/** 'used': another request used the link first; 'taken': the address got an account meanwhile. */
export type AcceptResult = { userId: number } | 'used' | 'taken';

class Refused extends Error {
  constructor(readonly reason: 'used' | 'taken') {
    super(reason);
  }
}

/**
 * Uses up an invitation link and gives its role, in one transaction. For a new
 * account the address must still be free: when two invitations to one address
 * are accepted at once, one creates the account and the other is refused with
 * its link left unused (it then needs the new account's sign-in, like any
 * invitation to an existing account).
 */
export async function acceptInvite(db: Db, clock: Clock, link: AccountLink & { email: string; networkId: number; role: NonNullable<AccountLink['role']> }, by: Acceptor): Promise<AcceptResult> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await claimLink(tx, clock, link.id))) throw new Refused('used');
      let userId: number;
      if ('userId' in by) userId = by.userId;
      else {
        const [created] = await tx
          .insert(users)
          .values({ email: link.email, name: by.name, passwordHash: by.passwordHash, language: by.language, createdAt: clock.now().toISOString() })
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id });
        if (!created) throw new Refused('taken');
        userId = created.id;
      }
      await grantRole(tx, link.networkId, userId, link.role);
      return { userId };
    });
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    throw error;
  }
}
