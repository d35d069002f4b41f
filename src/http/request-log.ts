import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** Paths whose last segments are secrets: the log shows the route, never the token. */
const SECRET_PATHS: RegExp[] = [/^(\/setup)\/[^/]+/, /^(\/a)\/[^/]+/, /^(\/r)\/[^/]+/, /^(\/reset)\/[^/]+/, /^(\/join)\/[^/]+/];

export function redactPath(path: string): string {
  for (const pattern of SECRET_PATHS) if (pattern.test(path)) return path.replace(pattern, '$1/:token');
  return path;
}

/** One canonical line per request: no query string, no client address, no token. */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  c.var.deps.log.info('request', {
    method: c.req.method,
    path: redactPath(c.req.path),
    status: c.res.status,
    ms: Math.round(performance.now() - started),
    requestId: c.var.requestId,
  });
};
