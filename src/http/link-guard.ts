import type { MiddlewareHandler } from 'hono';
import { commonText } from '../i18n/common.js';
import { createAttemptWindow } from '../limits/attempt-window.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './env.js';

/** Routes whose first segment after the prefix is a secret link token. */
const LINK_ROUTES = /^\/(a|r|setup|reset|join)\/[^/]+/;

const LINK_GUARD_LIMITS = { misses: 30, windowMs: 10 * 60_000 } as const;

/**
 * Guessing links gets nowhere fast: an address whose link requests keep
 * answering "unknown" (404) is told to wait for a while. Only unknown links
 * count, not used or closed ones (410): an old link in a member's mail is no
 * guess. The refusal replaces only the unknown answers, so the members and
 * leaders behind the same address (a school's NAT) keep working links; a
 * guess still has to hit a 128-bit secret, which the limit never needed to hide.
 */
export function linkGuard({ misses, windowMs } = LINK_GUARD_LIMITS): MiddlewareHandler<AppEnv> {
  const unknown = createAttemptWindow({ limit: misses, windowMs });
  return async (c, next) => {
    await next();
    if (c.res.status !== 404 || !LINK_ROUTES.test(c.req.path)) return;
    const address = clientAddress(c);
    const now = c.var.deps.clock.now().getTime();
    const wait = unknown.wait(address, now);
    unknown.record(address, now);
    if (wait === 0) return;
    const message = commonText(c.var.lang).tooManyUnknownLinks;
    c.res = c.req.method === 'GET' && !c.req.path.endsWith('/data') ? c.text(message, 429) : c.json({ error: message }, 429);
    c.header('Retry-After', String(wait));
  };
}
