import { Hono } from 'hono';
import { createPasswordCheckLimiter } from '../accounts/login-limiter.js';
import { newPasswordSchema } from '../accounts/password-input.js';
import { endOtherSessions } from '../accounts/sessions.js';
import { authenticate, setPassword } from '../accounts/users.js';
import type { AppEnv, PageContext } from '../http/env.js';
import { parseInput, readInput } from '../http/input.js';
import { clearSessionCookie, csrfTokenOf, currentSession, requireUser, sessionToken } from '../http/session.js';
import { deleteAccount } from '../accounts/delete-account.js';
import { Field } from '../views/field.js';
import { passwordText } from '../i18n/password.js';
import { authText } from '../i18n/auth.js';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';
import { CsrfField } from '../views/csrf-field.js';
import { PasswordFields } from '../views/accounts/password-fields.js';
import { Layout } from '../views/layout.js';

function AccountPage({ c, errors = {}, changed = false, deleteError }: { c: PageContext; errors?: Record<string, string>; changed?: boolean; deleteError?: string }) {
  const t = authText(c.var.lang);
  const { user } = currentSession(c);
  return (
    <Layout lang={c.var.lang} title={t.account} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{t.account}</h1>
        <p>
          {user.name} · {user.email}
        </p>
        <h2>{t.changePassword}</h2>
        {changed && (
          <p class="notice-ok" role="status">
            {t.passwordChanged}
          </p>
        )}
        {Object.keys(errors).length > 0 && (
          <p class="form-error" role="alert">
            {commonText(c.var.lang).checkForm}
          </p>
        )}
        <form method="post" action="/account/password" novalidate>
          <CsrfField token={csrfTokenOf(c)} />
          <PasswordFields lang={c.var.lang} errors={errors} withCurrent />
          <button type="submit">{t.save}</button>
        </form>
        <h2>{t.deleteAccount}</h2>
        <p>{t.deleteAccountBody}</p>
        <form method="post" action="/account/delete" novalidate>
          <CsrfField token={csrfTokenOf(c)} />
          <Field name="deletePassword" type="password" label={passwordText(c.var.lang).currentPassword} error={deleteError} autocomplete="current-password" />
          <button type="submit" class="button-danger">
            {t.deleteAccountConfirm}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function accountRoutes() {
  const routes = new Hono<AppEnv>();
  const passwordChecks = createPasswordCheckLimiter();
  routes.use(requireUser);

  // GET /account
  routes.get('/', (c) => c.html(<AccountPage c={c} />));

  /**
   * The signed-in user's current password, counted before it is checked so that
   * guesses stay limited; null when it is right, else the status and the sentence.
   */
  async function refusedCurrentPassword(c: PageContext & { header: (name: string, value: string) => void }, password: unknown) {
    const t = authText(c.var.lang);
    const { user } = currentSession(c);
    const key = String(user.id);
    const now = c.var.deps.clock.now().getTime();
    const wait = passwordChecks.wait(key, now);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return { status: 429, message: fill(t.currentTooMany, { minutes: Math.ceil(wait / 60) }) } as const;
    }
    passwordChecks.record(key, now);
    if (!(await authenticate(c.var.deps.db, user.email, typeof password === 'string' ? password : ''))) return { status: 422, message: t.currentWrong } as const;
    passwordChecks.refund(key);
    return null;
  }

  // POST /account/password — needs the current password; ends the user's other sessions.
  routes.post('/password', async (c) => {
    const { user } = currentSession(c);
    const input = await readInput(c);
    const refused = await refusedCurrentPassword(c, input.currentPassword);
    if (refused?.status === 429) return c.html(<AccountPage c={c} errors={{ currentPassword: refused.message }} />, 429);
    const parsed = parseInput(newPasswordSchema(c.var.lang), input);
    const errors = { ...(parsed.ok ? {} : parsed.fields), ...(refused ? { currentPassword: refused.message } : {}) };
    if (!parsed.ok || refused) return c.html(<AccountPage c={c} errors={errors} />, 422);
    await setPassword(c.var.deps.db, user.id, parsed.data.newPassword);
    await endOtherSessions(c.var.deps.db, c.var.deps.secretKey, user.id, sessionToken(c));
    return c.html(<AccountPage c={c} changed />);
  });

  // POST /account/delete — with the current password; refused while a network needs this account.
  routes.post('/delete', async (c) => {
    const t = authText(c.var.lang);
    const { user } = currentSession(c);
    const refused = await refusedCurrentPassword(c, (await readInput(c)).deletePassword);
    if (refused) return c.html(<AccountPage c={c} deleteError={refused.message} />, refused.status);
    const refusal = await deleteAccount(c.var.deps.db, c.var.deps.clock, user.id);
    if (refusal) {
      const message = refusal.reason === 'last_admin' ? t.deleteLastAdmin : fill(t.deleteLastCoordinator, { networks: refusal.networks.join(', ') });
      return c.html(<AccountPage c={c} deleteError={message} />, 409);
    }
    clearSessionCookie(c);
    return c.html(
      <Layout lang={c.var.lang} title={t.accountDeleted} path={c.req.path}>
        <section class="card narrow">
          <h1>{t.accountDeleted}</h1>
          <p>{t.accountDeletedBody}</p>
        </section>
      </Layout>,
    );
  });

  return routes;
}
