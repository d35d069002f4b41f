import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../audit/record.js';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findSession, SESSION_HOURS } from '../accounts/sessions.js';
import { TOKEN_PATTERN } from '../accounts/tokens.js';
import { authText } from '../i18n/auth.js';
import type { AppEnv, PageContext } from './env.js';
import { DomainError } from './errors.js';

export const SESSION_COOKIE = 'vp_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.baseUrl.startsWith('https://'),
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.deps.baseUrl.startsWith('https://') });
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}

/** Loads the signed-in user, if any, for every request. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = sessionToken(c);
  const { db, clock, secretKey } = c.var.deps;
  c.set('session', token ? await findSession(db, clock, secretKey, token) : null);
  await next();
};

/** Browsers send Origin on every cross-site write; refuse writes from other sites outright. */
export const refuseForeignOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  if (UNSAFE.has(c.req.method) && origin && origin !== new URL(c.var.deps.baseUrl).origin && origin !== new URL(c.req.url).origin) {
    throw new DomainError(authText(c.var.lang).foreignOrigin, 403);
  }
  await next();
};

async function submittedCsrfToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  const value = (await c.req.parseBody())['_csrf'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Only signed-in users pass: pages redirect to the login, the API answers 401.
 * Every write must also carry the session's CSRF token (form field _csrf or header X-CSRF-Token).
 */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.var.session;
  const t = authText(c.var.lang);
  if (!session) {
    if (c.req.path.startsWith('/api/')) return c.json({ error: t.signInFirst }, 401);
    return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
  }
  if (UNSAFE.has(c.req.method)) await assertCsrf(c, session.csrfToken);
  await next();
};

/** Refuses a write that does not carry the session's CSRF token. */
export async function assertCsrf(c: Context<AppEnv>, csrfToken: string): Promise<void> {
  if ((await submittedCsrfToken(c)) !== csrfToken) throw new DomainError(authText(c.var.lang).csrfFailed, 403);
}

/** The signed-in user as the audit trail names them; only call behind requireUser. */
export function actorOf(c: PageContext): Actor {
  const { user } = currentSession(c);
  return { userId: user.id, name: user.name };
}

/** The token a form carries back; empty without a session, which then fails the check. */
export function csrfTokenOf(c: PageContext): string {
  return c.var.session?.csrfToken ?? '';
}

/** The signed-in user; only call behind requireUser. */
export function currentSession(c: PageContext) {
  const session = c.var.session;
  if (!session) throw new Error('currentSession() used on a route without requireUser');
  return session;
}
