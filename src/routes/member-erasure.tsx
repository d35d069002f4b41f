import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { memberFrom } from '../http/member-request.js';
import { readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf } from '../http/session.js';
import { erasureText } from '../i18n/erasure.js';
import { addToDoNotInvite, doNotInviteCount, removeFromDoNotInvite } from '../members/do-not-invite.js';
import { normaliseEmail } from '../members/member-input.js';
import { allMembers } from '../members/members.js';
import { eraseMembers } from '../retention/erase-member.js';
import { DoNotInvitePage, EraseMemberPage } from '../views/members/erasure-pages.js';

/** Erasing a member for good and the do-not-invite list; mounted at /networks/:networkId/members before the member pages. */
export const memberErasureRoutes = new Hono<NetworkEnv>();
memberErasureRoutes.use(coordinatorOnly);

const listInput = z.object({ email: z.email().max(254), action: z.enum(['add', 'remove']) });

async function listPage(c: Context<NetworkEnv>, state: { notice?: string; error?: string; email?: string } = {}) {
  return <DoNotInvitePage c={c} count={await doNotInviteCount(c.var.deps.db, c.var.network.id)} {...state} />;
}

// GET /networks/:networkId/members/do-not-invite
memberErasureRoutes.get('/do-not-invite', async (c) => c.html(await listPage(c)));

// POST /networks/:networkId/members/do-not-invite — action=add|remove with the address typed in.
memberErasureRoutes.post('/do-not-invite', async (c) => {
  const t = erasureText(c.var.lang);
  const { db, clock, secretKey } = c.var.deps;
  const input = await readInput(c);
  const parsed = listInput.safeParse({ ...input, email: typeof input.email === 'string' ? normaliseEmail(input.email) : input.email });
  if (!parsed.success) return c.html(await listPage(c, { error: t.emailInvalid, email: String(input.email ?? '') }), 422);
  const { email, action } = parsed.data;
  const networkId = c.var.network.id;
  if (action === 'remove') {
    const removed = await removeFromDoNotInvite(db, secretKey, networkId, email);
    return c.html(await listPage(c, removed ? { notice: t.listRemoved } : { error: t.listNotThere, email }), removed ? 200 : 404);
  }
  // A member is erased first: the list is for those who are not on the roster.
  if ((await allMembers(db, networkId)).some((member) => member.email === email)) return c.html(await listPage(c, { error: t.listOnRoster, email }), 409);
  await addToDoNotInvite(db, clock, secretKey, networkId, email);
  return c.html(await listPage(c, { notice: t.listAdded }));
});

// GET /networks/:networkId/members/:memberId/erase — the confirmation.
memberErasureRoutes.get('/:memberId/erase', async (c) => c.html(<EraseMemberPage c={c} member={await memberFrom(c)} />));

// POST /networks/:networkId/members/:memberId/erase
memberErasureRoutes.post('/:memberId/erase', async (c) => {
  const member = await memberFrom(c);
  const { db, clock, secretKey } = c.var.deps;
  const listed = (await readInput(c)).doNotInvite === 'true';
  await eraseMembers(db, clock, secretKey, c.var.network.id, [member.id], actorOf(c));
  if (listed) await addToDoNotInvite(db, clock, secretKey, c.var.network.id, member.email);
  return c.redirect(`/networks/${c.var.network.id}/members?done=${listed ? 'erasedListed' : 'erased'}`, 303);
});
