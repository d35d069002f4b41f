import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import { hashToken, newToken } from '../accounts/tokens.js';
import type { AppEnv } from './env.js';

const DEVICE_COOKIE = 'vp_device';
const DEVICE_PATTERN = /^([A-Za-z0-9_-]{22,64})\.([0-9a-f]{64})$/;

// Signed with the secret key and bound to the account, so it cannot be made up or moved to another account.
const signature = (c: Context<AppEnv>, account: string, id: string) => hashToken(c.var.deps.secretKey, `device|${account}|${id}`);

/** The id of this browser if it signed in to `account` before, else null: such a browser keeps its own sign-in budget. */
export function knownDevice(c: Context<AppEnv>, account: string): string | null {
  const match = DEVICE_PATTERN.exec(getCookie(c, DEVICE_COOKIE) ?? '');
  if (!match) return null;
  const [, id, given] = match as unknown as [string, string, string];
  return timingSafeEqual(Buffer.from(given), Buffer.from(signature(c, account, id))) ? id : null;
}

export function rememberDevice(c: Context<AppEnv>, account: string): void {
  const id = knownDevice(c, account) ?? newToken(16);
  setCookie(c, DEVICE_COOKIE, `${id}.${signature(c, account, id)}`, {
    path: '/login',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.baseUrl.startsWith('https://'),
    maxAge: 365 * 24 * 3600,
  });
}
