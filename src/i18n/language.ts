import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { LANGUAGES, type Language } from '../db/schema/networks.js';

export const LANGUAGE_COOKIE = 'lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The user's pick (?lang=, then the cookie), then the browser's preference among ours, then Finnish. */
export function pickLanguage(c: Context): Language {
  const query = c.req.query('lang');
  if (isLanguage(query)) return query;
  const cookie = getCookie(c, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  const accepted = (c.req.header('accept-language') ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find(isLanguage);
  return accepted ?? 'fi';
}
