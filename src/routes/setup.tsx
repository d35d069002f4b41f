import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import type { AppEnv } from '../http/env.js';
import { GoneError } from '../http/errors.js';
import { newPasswordSchema } from '../accounts/password-input.js';
import { createSession, type Session } from '../accounts/sessions.js';
import { TOKEN_PATTERN } from '../accounts/tokens.js';
import { setSessionCookie } from '../http/session.js';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';
import { setupText } from '../i18n/setup.js';
import { completeSetup, setupLinkState } from '../setup/bootstrap.js';
import { Layout } from '../views/layout.js';
import { PasswordFields } from '../views/accounts/password-fields.js';
import { Field } from '../views/field.js';

export const setupRoutes = new Hono<AppEnv>();

function accountSchema(lang: Language) {
  const t = setupText(lang);
  return z
    .object({
      name: z.string().trim().min(1, t.nameRequired).max(200, t.nameRequired),
      email: z.string().trim().toLowerCase().pipe(z.email(t.emailInvalid).max(254, t.emailInvalid)),
      language: z.enum(LANGUAGES).catch(lang),
    })
    .and(newPasswordSchema(lang));
}

type Values = Record<string, string>;

function SetupForm({ c, values, errors }: { c: Context<AppEnv>; values: Values; errors: Values }) {
  const lang = c.var.lang;
  const t = setupText(lang);
  return (
    <Layout lang={lang} title={t.title} path={c.req.path}>
      <section class="card narrow">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        {Object.keys(errors).length > 0 && (
          <p class="form-error" role="alert">
            {t.invalid}
          </p>
        )}
        <form method="post" novalidate>
          <Field name="name" label={t.name} value={values.name} error={errors.name} autocomplete="name" />
          <Field name="email" type="email" label={t.email} value={values.email} error={errors.email} autocomplete="email" />
          <PasswordFields lang={lang} errors={errors} />
          <label for="language">{t.language}</label>
          <select id="language" name="language">
            {LANGUAGES.map((code) => (
              <option value={code} selected={code === (values.language ?? lang)}>
                {commonText(code).languageName}
              </option>
            ))}
          </select>
          <button type="submit">{t.submit}</button>
        </form>
      </section>
    </Layout>
  );
}

function Message({ c, title, body, status, next, session }: { c: Context<AppEnv>; title: string; body: string; status?: string; next?: { href: string; text: string }; session?: Session }) {
  return (
    <Layout lang={c.var.lang} title={title} path={c.req.path} session={session}>
      <section class="card narrow" data-state={status}>
        <h1>{title}</h1>
        <p>{body}</p>
        {next && (
          <p>
            <a class="button" href={next.href}>
              {next.text}
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}

// GET /setup/:token — the form, or a page saying the link no longer works.
setupRoutes.get('/:token', async (c) => {
  const t = setupText(c.var.lang);
  const token = c.req.param('token');
  const state = TOKEN_PATTERN.test(token) ? await setupLinkState(c.var.deps.db, c.var.deps.clock, c.var.deps.secretKey, token) : 'invalid';
  if (state !== 'valid') return c.html(<Message c={c} title={t.gone} body={t.goneBody} status="gone" />, 410);
  return c.html(<SetupForm c={c} values={{}} errors={{}} />);
});

// POST /setup/:token — creates the first account and uses up the link.
setupRoutes.post('/:token', async (c) => {
  const lang = c.var.lang;
  const t = setupText(lang);
  const { db, clock, secretKey } = c.var.deps;
  const token = c.req.param('token');
  const state = TOKEN_PATTERN.test(token) ? await setupLinkState(db, clock, secretKey, token) : 'invalid';
  if (state !== 'valid') return c.html(<Message c={c} title={t.gone} body={t.goneBody} status="gone" />, 410);
  const form = await c.req.parseBody();
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : ''])) as Values;
  const parsed = accountSchema(lang).safeParse(values);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return c.html(<SetupForm c={c} values={{ name: values.name ?? '', email: values.email ?? '', language: values.language ?? lang }} errors={errors} />, 422);
  }
  try {
    const user = await completeSetup(db, clock, secretKey, token, { name: parsed.data.name, email: parsed.data.email, language: parsed.data.language, password: parsed.data.newPassword }, { gone: t.gone, taken: t.taken });
    c.var.deps.log.info('first account created', { userId: user.id });
    // Signed in at once: the next step, creating the network, needs the account just made.
    const { token: session, csrfToken } = await createSession(db, clock, secretKey, user.id);
    setSessionCookie(c, session);
    // The header already shows the new account as signed in, with its sign-out button.
    const signedIn: Session = { user: { id: user.id, email: user.email, name: parsed.data.name, language: parsed.data.language, isAdmin: true }, csrfToken };
    return c.html(<Message c={c} title={t.done} body={fill(t.doneBody, { email: user.email })} status="done" next={{ href: '/networks/new', text: t.firstNetwork }} session={signedIn} />, 201);
  } catch (error) {
    if (error instanceof GoneError) return c.html(<Message c={c} title={t.gone} body={t.goneBody} status="gone" />, 410);
    throw error;
  }
});
