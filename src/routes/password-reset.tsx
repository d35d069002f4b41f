import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { claimLink, findValidLink, issueAccountLink } from '../accounts/account-links.js';
import { endOtherSessions } from '../accounts/sessions.js';
import { TOKEN_PATTERN } from '../accounts/tokens.js';
import { setPassword } from '../accounts/users.js';
import { users } from '../db/schema/index.js';
import type { AppEnv, PageContext } from '../http/env.js';
import { parseInput, readInput } from '../http/input.js';
import { authText } from '../i18n/auth.js';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';
import { passwordResetMail } from '../mail/compose.js';
import { deliverSoon } from '../mail/deliver-soon.js';
import { enqueueMail } from '../mail/queue.js';
import { Field } from '../views/field.js';
import { Layout } from '../views/layout.js';
import { newPasswordSchema } from './account.js';

export const passwordResetRoutes = new Hono<AppEnv>();
const VALID_HOURS = 2;

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

// GET /reset
passwordResetRoutes.get('/', (c) => c.html(<RequestForm c={c} />));

// POST /reset — the same answer whether or not the account exists, so addresses cannot be probed.
passwordResetRoutes.post('/', async (c) => {
  const t = authText(c.var.lang);
  const { db, clock, secretKey, mailer, baseUrl } = c.var.deps;
  if (mailer.mode !== 'smtp') return c.html(<RequestForm c={c} message={t.resetNoMail} />, 503);
  const email = String((await readInput(c)).email ?? '').trim().toLowerCase();
  const [user] = email ? await db.select().from(users).where(eq(users.email, email)) : [];
  if (user) {
    const token = await issueAccountLink(db, clock, secretKey, 'password_reset', VALID_HOURS * 3_600_000, { userId: user.id });
    const mail = await passwordResetMail({ lang: user.language, name: user.name, link: `${baseUrl}/reset/${token}`, validHours: VALID_HOURS });
    await enqueueMail(db, c.var.deps, { kind: 'password-reset', recipient: user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html });
    deliverSoon(c.var.deps);
  }
  return c.html(<RequestForm c={c} message={fill(t.resetSent, { hours: VALID_HOURS })} />);
});

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
        <Field name="newPassword" type="password" label={t.newPassword} hint={t.passwordHint} error={errors.newPassword} autocomplete="new-password" />
        <Field name="newPasswordAgain" type="password" label={t.newPasswordAgain} error={errors.newPasswordAgain} autocomplete="new-password" />
        <button type="submit">{t.save}</button>
      </form>
    </Page>
  );
}

const gone = (c: PageContext) => {
  const t = authText(c.var.lang);
  return (
    <Page c={c} title={t.linkGone}>
      <p>{t.linkGoneBody}</p>
      <p>
        <a href="/reset">{t.forgotPassword}</a>
      </p>
    </Page>
  );
};

async function validLink(c: PageContext, token: string) {
  const { db, clock, secretKey } = c.var.deps;
  return TOKEN_PATTERN.test(token) ? findValidLink(db, clock, secretKey, 'password_reset', token) : null;
}

// GET /reset/:token
passwordResetRoutes.get('/:token', async (c) => ((await validLink(c, c.req.param('token'))) ? c.html(<SetForm c={c} />) : c.html(gone(c), 410)));

// POST /reset/:token — sets the password, uses up the link and signs out every session.
passwordResetRoutes.post('/:token', async (c) => {
  const link = await validLink(c, c.req.param('token'));
  if (!link?.userId) return c.html(gone(c), 410);
  const parsed = parseInput(newPasswordSchema(c.var.lang), await readInput(c));
  if (!parsed.ok) return c.html(<SetForm c={c} errors={parsed.fields} />, 422);
  const { db, clock, secretKey } = c.var.deps;
  if (!(await claimLink(db, clock, link.id))) return c.html(gone(c), 410);
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
