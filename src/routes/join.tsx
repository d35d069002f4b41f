import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { acceptInvite, type Acceptor } from '../accounts/accept-invite.js';
import { findValidLink, type AccountLink } from '../accounts/account-links.js';
import { hashPassword } from '../accounts/password.js';
import { newPasswordSchema } from '../accounts/password-input.js';
import { createSession } from '../accounts/sessions.js';
import { TOKEN_PATTERN } from '../accounts/tokens.js';
import { networks, users, type Role } from '../db/schema/index.js';
import type { AppEnv, PageContext } from '../http/env.js';
import { parseInput, readInput } from '../http/input.js';
import { assertCsrf, setSessionCookie } from '../http/session.js';
import { authText } from '../i18n/auth.js';
import { GonePage, JoinPage, type JoinState } from '../views/accounts/join-page.js';

export const joinRoutes = new Hono<AppEnv>();

type Invite = AccountLink & { email: string; networkId: number; role: Role; networkName: string; existingUserId: number | null };

async function findInvite(c: PageContext, token: string): Promise<Invite | null> {
  const { db, clock, secretKey } = c.var.deps;
  const link = TOKEN_PATTERN.test(token) ? await findValidLink(db, clock, secretKey, 'account_invite', token) : null;
  if (!link?.networkId || !link.email || !link.role) return null;
  const [network] = await db.select({ name: networks.name }).from(networks).where(eq(networks.id, link.networkId));
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, link.email));
  return network ? { ...link, email: link.email, networkId: link.networkId, role: link.role, networkName: network.name, existingUserId: user?.id ?? null } : null;
}

/*
 * The link proves only that its holder read the addressee's mail. That is
 * enough to create a new account for the address, but a role on an existing
 * account needs that account's own sign-in: a link that leaked (forwarded,
 * read over a shoulder) must not hand a role to whoever holds the account.
 */
function stateFor(c: PageContext, invite: Invite): JoinState {
  if (invite.existingUserId === null) return { kind: 'create' };
  const user = c.var.session?.user;
  if (!user) return { kind: 'sign-in' };
  return user.id === invite.existingUserId ? { kind: 'accept' } : { kind: 'other-account', signedInAs: user.email };
}

// GET /join/:token
joinRoutes.get('/:token', async (c) => {
  const invite = await findInvite(c, c.req.param('token'));
  return invite ? c.html(<JoinPage c={c} invite={invite} state={stateFor(c, invite)} />) : c.html(<GonePage c={c} />, 410);
});

// POST /join/:token — creates the account (and signs it in), or adds the role to the signed-in owner's account.
joinRoutes.post('/:token', async (c) => {
  const invite = await findInvite(c, c.req.param('token'));
  if (!invite) return c.html(<GonePage c={c} />, 410);
  const { db, clock, secretKey } = c.var.deps;
  const state = stateFor(c, invite);
  let by: Acceptor;
  if (state.kind === 'accept') {
    await assertCsrf(c, c.var.session!.csrfToken);
    by = { userId: invite.existingUserId! };
  } else if (state.kind === 'create') {
    const t = authText(c.var.lang);
    const schema = newPasswordSchema(c.var.lang).and(z.object({ name: z.string().trim().min(1, t.nameRequired).max(200, t.nameRequired) }));
    const parsed = parseInput(schema, await readInput(c));
    if (!parsed.ok) return c.html(<JoinPage c={c} invite={invite} state={{ kind: 'create', errors: parsed.fields }} />, 422);
    by = { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.newPassword), language: c.var.lang };
  } else return c.html(<JoinPage c={c} invite={invite} state={state} />, 403);

  const result = await acceptInvite(db, clock, invite, by);
  if (result === 'used') return c.html(<GonePage c={c} />, 410);
  if (result === 'taken') return c.html(<JoinPage c={c} invite={invite} state={{ kind: 'taken' }} />, 409);
  if (!('userId' in by)) setSessionCookie(c, (await createSession(db, clock, secretKey, result.userId)).token);
  return c.redirect(`/networks/${invite.networkId}`, 303);
});
