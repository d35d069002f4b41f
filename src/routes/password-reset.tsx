import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { claimAllLinks, findValidLink, isIssuedLink } from '../accounts/account-links.js';
import { newPasswordSchema } from '../accounts/password-input.js';
import { createResetLimiter, mailResetLinkLater, RESET_VALID_HOURS } from '../accounts/password-reset.js';
import { endOtherSessions } from '../accounts/sessions.js';
import { TOKEN_PATTERN } from '../accounts/tokens.js';
import { setPassword } from '../accounts/users.js';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv, PageContext } from '../http/env.js';
import { DomainError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { authText } from '../i18n/auth.js';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';
import { PasswordFields } from '../views/accounts/password-fields.js';
import { Field } from '../views/field.js';
import { Layout } from '../views/layout.js';

const requestSchema = z.object({ email: z.string().trim().toLowerCase().max(254) });

function Page({ c, title, children }: { c: PageContext; title: string; children: unknown }) {
  return (
    <Layout lang={c.var.lang} title={title} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{title}</h1>
        {children}
      </section>
    </Layout>
  );
}

function RequestForm({ c, message }: { c: PageContext; message?: string }) {
  const t = authText(c.var.lang);
  return (
    <Page c={c} title={t.resetTitle}>
      {message ? (
        <p role="status">{message}</p>
      ) : (
        <>
          <p>{t.resetIntro}</p>
          <form method="post" action="/reset">
            <Field name="email" type="email" label={t.email} autocomplete="username" />
            <button type="submit">{t.resetSend}</button>
          </form>
        </>
      )}
    </Page>
  );
}

export function passwordResetRoutes() {
  const routes = new Hono<AppEnv>();
  const limiter = createResetLimiter();

  // GET /reset
  routes.get('/', (c) => c.html(<RequestForm c={c} />));

  // POST /reset — the same answer, after the same work, whether or not the account exists or its mails are limited.
  routes.post('/', async (c) => {
    const t = authText(c.var.lang);
    if (c.var.deps.mailer.mode !== 'smtp') return c.html(<RequestForm c={c} message={t.resetNoMail} />, 503);
    const parsed = requestSchema.safeParse(await readInput(c));
    if (!parsed.success) throw new DomainError(commonText(c.var.lang).checkForm, 400);
    const { email } = parsed.data;
    const { wait, mail } = limiter.begin(email, clientAddress(c), c.var.deps.clock.now().getTime());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.html(<RequestForm c={c} message={fill(t.resetTooMany, { minutes: Math.ceil(wait / 60) })} />, 429);
    }
    if (mail && email) mailResetLinkLater(c.var.deps, email);
    return c.html(<RequestForm c={c} message={fill(t.resetSent, { hours: RESET_VALID_HOURS })} />);
  });

  // GET /reset/:token
  routes.get('/:token', async (c) => ((await validLink(c, c.req.param('token'))) ? c.html(<SetForm c={c} />) : gone(c, c.req.param('token'))));

  // POST /reset/:token — sets the password, uses up this and the account's other reset links, and signs out every session.
  routes.post('/:token', async (c) => {
    const link = await validLink(c, c.req.param('token'));
    if (!link?.userId) return gone(c, c.req.param('token'));
    const parsed = parseInput(newPasswordSchema(c.var.lang), await readInput(c));
    if (!parsed.ok) return c.html(<SetForm c={c} errors={parsed.fields} />, 422);
    const { db, clock, secretKey } = c.var.deps;
    if (!(await claimAllLinks(db, clock, { ...link, userId: link.userId }))) return gone(c, c.req.param('token'));
    await setPassword(db, link.userId, parsed.data.newPassword);
    await endOtherSessions(db, secretKey, link.userId);
    return c.html(
      <Page c={c} title={authText(c.var.lang).resetSetTitle}>
        <p role="status">{authText(c.var.lang).resetDone}</p>
        <p>
          <a class="button" href="/login">
            {authText(c.var.lang).signIn}
          </a>
        </p>
      </Page>,
    );
  });

  return routes;
}

function SetForm({ c, errors = {} }: { c: PageContext; errors?: Record<string, string> }) {
  const t = authText(c.var.lang);
  return (
    <Page c={c} title={t.resetSetTitle}>
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">
          {commonText(c.var.lang).checkForm}
        </p>
      )}
      <form method="post" novalidate>
        <PasswordFields lang={c.var.lang} errors={errors} />
        <button type="submit">{t.save}</button>
      </form>
    </Page>
  );
}

/** A used or expired link is gone (410); one never issued is unknown (404), which the link guard counts as a guess. */
async function gone(c: Context<AppEnv>, token: string) {
  const t = authText(c.var.lang);
  const { db, secretKey } = c.var.deps;
  const issued = TOKEN_PATTERN.test(token) && (await isIssuedLink(db, secretKey, 'password_reset', token));
  return c.html(
    <Page c={c} title={t.linkGone}>
      <p>{t.linkGoneBody}</p>
      <p>
        <a href="/reset">{t.forgotPassword}</a>
      </p>
    </Page>,
    issued ? 410 : 404,
  );
}

async function validLink(c: PageContext, token: string) {
  const { db, clock, secretKey } = c.var.deps;
  return TOKEN_PATTERN.test(token) ? findValidLink(db, clock, secretKey, 'password_reset', token) : null;
}
