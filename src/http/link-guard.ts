import type { MiddlewareHandler } from 'hono';
import { commonText } from '../i18n/common.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './env.js';

/** Routes whose first segment after the prefix is a secret link token. */
const LINK_ROUTES = /^\/(a|r|setup|reset|join)\/[^/]+/;

/**
 * Guessing links gets nowhere fast: an address whose link requests keep
 * answering "unknown" or "gone" (404, 410) is refused for a while. Working links are not
 * counted, so members and leaders are never slowed down.
 */
export function linkGuard({ misses = 30, windowMs = 10 * 60_000 } = {}): MiddlewareHandler<AppEnv> {
  const seen = new Map<string, number[]>();
  return async (c, next) => {
    if (!LINK_ROUTES.test(c.req.path)) return next();
    const address = clientAddress(c);
    const now = c.var.deps.clock.now().getTime();
    const recent = (seen.get(address) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= misses) {
      c.header('Retry-After', String(Math.ceil((recent[0]! + windowMs - now) / 1000)));
      const message = commonText(c.var.lang).tooManyUnknownLinks;
      return c.req.method === 'GET' && !c.req.path.endsWith('/data') ? c.text(message, 429) : c.json({ error: message }, 429);
    }
    await next();
    if (c.res.status === 404 || c.res.status === 410) seen.set(address, [...recent, now]);
    else if (recent.length === 0) seen.delete(address);
  };
}
