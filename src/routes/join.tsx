import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { claimLink, findValidLink, type AccountLink } from '../accounts/account-links.js';
import { hashPassword } from '../accounts/password.js';
import { createSession } from '../accounts/sessions.js';
import { TOKEN_PATTERN } from '../accounts/tokens.js';
import { networks, users } from '../db/schema/index.js';
import type { AppEnv, PageContext } from '../http/env.js';
import { parseInput, readInput } from '../http/input.js';
import { setSessionCookie } from '../http/session.js';
import { authText } from '../i18n/auth.js';
import { fill } from '../i18n/messages.js';
import { networkText } from '../i18n/networks.js';
import { setRole } from '../networks/people.js';
import { Field } from '../views/field.js';
import { Layout } from '../views/layout.js';
import { newPasswordSchema } from './account.js';

export const joinRoutes = new Hono<AppEnv>();

type Invite = { link: AccountLink; networkName: string; existingUserId: number | null };

async function findInvite(c: PageContext, token: string): Promise<Invite | null> {
  const { db, clock, secretKey } = c.var.deps;
  const link = TOKEN_PATTERN.test(token) ? await findValidLink(db, clock, secretKey, 'account_invite', token) : null;
  if (!link?.networkId || !link.email || !link.role) return null;
  const [network] = await db.select({ name: networks.name }).from(networks).where(eq(networks.id, link.networkId));
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, link.email));
  return network ? { link, networkName: network.name, existingUserId: user?.id ?? null } : null;
}

function JoinPage({ c, invite, errors = {} }: { c: PageContext; invite: Invite; errors?: Record<string, string> }) {
  const t = authText(c.var.lang);
  const role = networkText(c.var.lang)[`role_${invite.link.role!}`];
  return (
    <Layout lang={c.var.lang} title={t.joinTitle} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{t.joinTitle}</h1>
        <p>{fill(t.joinIntro, { network: invite.networkName, role })}</p>
        <form method="post" novalidate>
          {invite.existingUserId ? (
            <p>{fill(t.joinExisting, { email: invite.link.email! })}</p>
          ) : (
            <>
              <Field name="name" label={t.name} error={errors.name} autocomplete="name" />
              <Field name="newPassword" type="password" label={t.password} hint={t.passwordHint} error={errors.newPassword} autocomplete="new-password" />
              <Field name="newPasswordAgain" type="password" label={t.newPasswordAgain} error={errors.newPasswordAgain} autocomplete="new-password" />
            </>
          )}
          <button type="submit">{invite.existingUserId ? t.joinAccept : t.joinCreate}</button>
        </form>
      </section>
    </Layout>
  );
}

function Gone({ c }: { c: PageContext }) {
  const t = authText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={t.linkGone} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{t.linkGone}</h1>
        <p>{t.linkGoneBody}</p>
      </section>
    </Layout>
  );
}

// GET /join/:token
joinRoutes.get('/:token', async (c) => {
  const invite = await findInvite(c, c.req.param('token'));
  return invite ? c.html(<JoinPage c={c} invite={invite} />) : c.html(<Gone c={c} />, 410);
});

// POST /join/:token — the link proves the address: create the account (and sign in) or add the role to the existing one.
joinRoutes.post('/:token', async (c) => {
  const invite = await findInvite(c, c.req.param('token'));
  if (!invite) return c.html(<Gone c={c} />, 410);
  const { db, clock, secretKey } = c.var.deps;
  const t = authText(c.var.lang);
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (!invite.existingUserId) {
    const schema = newPasswordSchema(c.var.lang).and(z.object({ name: z.string().trim().min(1, t.nameRequired).max(200, t.nameRequired) }));
    const parsed = parseInput(schema, await readInput(c));
    if (!parsed.ok) return c.html(<JoinPage c={c} invite={invite} errors={parsed.fields} />, 422);
    newAccount = { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.newPassword) };
  }
  const userId = await db.transaction(async (tx) => {
    if (!(await claimLink(tx, clock, invite.link.id))) return null;
    const id =
      invite.existingUserId ??
      (await tx.insert(users).values({ email: invite.link.email!, ...newAccount!, language: c.var.lang, createdAt: clock.now().toISOString() }).returning({ id: users.id }))[0]!.id;
    await setRole(tx, invite.link.networkId!, id, invite.link.role!);
    return id;
  });
  if (userId === null) return c.html(<Gone c={c} />, 410);
  // An existing account still signs in with its own password: the link adds a role, it is not a login.
  if (invite.existingUserId) return c.redirect(`/login?next=${encodeURIComponent(`/networks/${invite.link.networkId}`)}`, 303);
  const { token } = await createSession(db, clock, secretKey, userId);
  setSessionCookie(c, token);
  return c.redirect(`/networks/${invite.link.networkId}`, 303);
});
