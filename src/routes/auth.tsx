import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { authenticate } from '../accounts/users.js';
import { createSession, endSession } from '../accounts/sessions.js';
import type { AppEnv } from '../http/env.js';
import { clientAddress } from '../http/client-address.js';
import { knownDevice, rememberDevice } from '../http/device-cookie.js';
import { clearSessionCookie, requireUser, sessionToken, setSessionCookie } from '../http/session.js';
import { authText } from '../i18n/auth.js';
import { fill } from '../i18n/messages.js';
import { passwordText } from '../i18n/password.js';
import { Field } from '../views/field.js';
import { Layout } from '../views/layout.js';
import type { LoginLimiter } from '../accounts/login-limiter.js';

const loginSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(1024), next: z.string().optional() });

// A path on this site of plain URL characters: no scheme, no second slash, no backslash, no control characters.
const LOCAL_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/?=&%]*$/;

/** Only local paths: a login link must not bounce the user to another site or break the Location header. */
function safeNext(next: string | undefined): string {
  return next && LOCAL_PATH.test(next) ? next : '/networks';
}

function LoginPage({ c, email, next, error }: { c: Context<AppEnv>; email?: string; next?: string; error?: string }) {
  const t = authText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={t.signIn} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{t.signIn}</h1>
        <p>{t.signInIntro}</p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <form method="post" action="/login">
          <input type="hidden" name="next" value={safeNext(next)} />
          <Field name="email" type="email" label={t.email} value={email} autocomplete="username" />
          <Field name="password" type="password" label={passwordText(c.var.lang).password} autocomplete="current-password" />
          <button type="submit">{t.signInButton}</button>
        </form>
        <p>
          <a href="/reset">{t.forgotPassword}</a>
        </p>
      </section>
    </Layout>
  );
}

export function authRoutes(limiter: LoginLimiter) {
  const routes = new Hono<AppEnv>();

  // GET /login
  routes.get('/login', (c) => c.html(<LoginPage c={c} next={c.req.query('next')} />));

  // POST /login — rate-limited per account and client address, and per known device.
  routes.post('/login', async (c) => {
    const t = authText(c.var.lang);
    const parsed = loginSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) return c.html(<LoginPage c={c} error={t.wrongCredentials} />, 422);
    const { email, password, next } = parsed.data;
    const attempt = { account: email, address: clientAddress(c), device: knownDevice(c, email) };
    const wait = limiter.begin(attempt, c.var.deps.clock.now().getTime());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.html(<LoginPage c={c} email={email} next={next} error={fill(t.tooManyAttempts, { minutes: Math.ceil(wait / 60) })} />, 429);
    }
    const user = await authenticate(c.var.deps.db, email, password);
    if (!user) return c.html(<LoginPage c={c} email={email} next={next} error={t.wrongCredentials} />, 401);
    limiter.succeeded(attempt);
    const { token } = await createSession(c.var.deps.db, c.var.deps.clock, c.var.deps.secretKey, user.id);
    setSessionCookie(c, token);
    rememberDevice(c, email);
    return c.redirect(safeNext(next), 303);
  });

  // POST /logout
  routes.post('/logout', requireUser, async (c) => {
    const token = sessionToken(c);
    if (token) await endSession(c.var.deps.db, c.var.deps.secretKey, token);
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });

  return routes;
}
