import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ROLES } from '../db/schema/index.js';
import { DomainError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { currentSession, csrfTokenOf } from '../http/session.js';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';
import { networkText } from '../i18n/networks.js';
import { accountInviteMail } from '../mail/compose.js';
import { deliverSoon } from '../mail/deliver-soon.js';
import { enqueueMail } from '../mail/queue.js';
import { LastCoordinatorError, peopleOf, pendingInvites, removeRole } from '../networks/people.js';
import { INVITE_DAYS, invitePerson, withdrawInvitation } from '../networks/person-invitations.js';
import { formatDateTime } from '../mail/format-date.js';
import { CsrfField } from '../views/csrf-field.js';
import { Field } from '../views/field.js';
import { Layout } from '../views/layout.js';
import { NetworkNav } from '../views/networks/network-nav.js';
import { idParam } from '../http/ids.js';

export const peopleRoutes = new Hono<NetworkEnv>();
peopleRoutes.use(coordinatorOnly);

function inviteSchema(t: ReturnType<typeof networkText>) {
  return z.object({
    email: z.string({ message: t.emailInvalid }).trim().toLowerCase().pipe(z.email(t.emailInvalid).max(254, t.emailInvalid)),
    role: z.enum(ROLES, { message: t.roleInvalid }),
  });
}

async function peoplePage(c: Context<NetworkEnv>, notice?: string, errors: Record<string, string> = {}) {
  const t = networkText(c.var.lang);
  const { db, clock } = c.var.deps;
  const [people, invites] = await Promise.all([peopleOf(db, c.var.network.id), pendingInvites(db, clock, c.var.network.id)]);
  const base = `/networks/${c.var.network.id}/people`;
  return (
    <Layout lang={c.var.lang} title={t.peopleTitle} path={c.req.path} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="people" />
      <section class="card">
        <h1>{t.peopleTitle}</h1>
        <p>{t.peopleIntro}</p>
        {notice && (
          <p class="notice-ok" role="status">
            {notice}
          </p>
        )}
        <ul class="link-list">
          {people.map((person) => (
            <li>
              {person.name} · {person.email} <span class="badge">{t[`role_${person.role}`]}</span>
              <form method="post" action={`${base}/${person.userId}/remove`} class="inline">
                <CsrfField token={csrfTokenOf(c)} />
                <button type="submit" class="link-button">
                  {t.remove}
                </button>
              </form>
            </li>
          ))}
        </ul>
        {invites.length > 0 && (
          <>
            <h2>{t.pending}</h2>
            <ul class="link-list">
              {invites.map((invite) => (
                <li>
                  {invite.email} <span class="badge">{invite.role ? t[`role_${invite.role}`] : ''}</span> {fill(t.expires, { date: formatDateTime(new Date(invite.expiresAt), c.var.lang) })}
                  <form method="post" action={`${base}/invitations/${invite.id}/withdraw`} class="inline">
                    <CsrfField token={csrfTokenOf(c)} />
                    <button type="submit" class="link-button" aria-label={fill(t.withdrawInviteOf, { email: invite.email ?? '' })}>
                      {t.withdrawInvite}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2>{t.invite}</h2>
        {Object.keys(errors).length > 0 && (
          <p class="form-error" role="alert">
            {commonText(c.var.lang).checkForm}
          </p>
        )}
        <form method="post" action={`${base}/invite`} novalidate>
          <CsrfField token={csrfTokenOf(c)} />
          <Field name="email" type="email" label={t.inviteEmail} error={errors.email} />
          <label for="role">{t.inviteRole}</label>
          <select id="role" name="role">
            {ROLES.map((role) => (
              <option value={role}>{t[`role_${role}`]}</option>
            ))}
          </select>
          <button type="submit">{t.inviteSend}</button>
        </form>
      </section>
    </Layout>
  );
}

// GET /networks/:networkId/people
peopleRoutes.get('/', async (c) => c.html(await peoplePage(c)));

// POST /networks/:networkId/people/invite — emails a single-use link that creates the account or adds the role.
peopleRoutes.post('/invite', async (c) => {
  const t = networkText(c.var.lang);
  const parsed = parseInput(inviteSchema(t), await readInput(c));
  if (!parsed.ok) return c.html(await peoplePage(c, undefined, parsed.fields), 422);
  const { db, clock, secretKey, baseUrl } = c.var.deps;
  const { user } = currentSession(c);
  const { email, role } = parsed.data;
  const network = c.var.network;
  const token = await invitePerson(db, clock, secretKey, network.id, { userId: user.id, name: user.name }, { email, role });
  const mail = await accountInviteMail({ lang: c.var.lang, networkName: network.name, inviterName: user.name, role, link: `${baseUrl}/join/${token}`, validDays: INVITE_DAYS });
  await enqueueMail(db, c.var.deps, { networkId: network.id, kind: 'account-invite', recipient: email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, replyTo: user.email, senderName: network.name });
  deliverSoon(c.var.deps);
  return c.html(await peoplePage(c, fill(c.var.deps.mailer.mode === 'outbox' ? t.invitedNotSent : t.invited, { email })));
});

// POST /networks/:networkId/people/invitations/:invitationId/withdraw — the emailed link stops working.
peopleRoutes.post('/invitations/:invitationId/withdraw', async (c) => {
  const t = networkText(c.var.lang);
  const { db, clock } = c.var.deps;
  const { user } = currentSession(c);
  const withdrawn = await withdrawInvitation(db, clock, c.var.network.id, { userId: user.id, name: user.name }, idParam(c, 'invitationId', t.invitationNotFound));
  if (!withdrawn) throw new DomainError(t.invitationNotFound, 404);
  return c.html(await peoplePage(c, fill(t.invitationWithdrawn, { email: withdrawn.email })));
});

// POST /networks/:networkId/people/:userId/remove
peopleRoutes.post('/:userId/remove', async (c) => {
  const { user } = currentSession(c);
  try {
    await removeRole(c.var.deps.db, c.var.deps.clock, c.var.network.id, { userId: user.id, name: user.name }, idParam(c, 'userId', networkText(c.var.lang).personNotFound));
  } catch (error) {
    if (error instanceof LastCoordinatorError) throw new DomainError(networkText(c.var.lang).lastCoordinator, 409);
    throw error;
  }
  return c.redirect(`/networks/${c.var.network.id}/people`, 303);
});
