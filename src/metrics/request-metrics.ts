import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { AppEnv } from '../http/env.js';
import { isAnsweringPath } from '../http/request-log.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route pattern a request matched, e.g. /a/:token/submit: the handler's
 * if one matched (middleware is registered for ALL methods), else the
 * middleware that answered (/static/*), else "unmatched". Never the path
 * itself: it carries ids and tokens, and would make a series per link.
 */
export function routeOf(c: Context): string {
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  if (handler) return handler.path;
  const answered = routePath(c);
  return answered === '/*' || answered === '*' ? 'unmatched' : answered;
}

/** A member's visit: the answering routes and the assets the answer page loads (see isAnsweringPath). */
const partOfAnswering = isAnsweringPath;

/**
 * Counts every request and its latency by route pattern and status; /metrics
 * itself is not counted. Without METRICS_TOKEN nothing is kept: no scrape
 * would ever release the held-back requests.
 */
export const requestMetrics: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.deps.metricsToken) return next();
  const started = performance.now();
  await next();
  const route = routeOf(c);
  if (route === '/metrics') return;
  c.var.deps.metrics.request({
    method: METHODS.has(c.req.method) ? c.req.method : 'OTHER',
    route,
    status: c.res.status,
    seconds: (performance.now() - started) / 1000,
    heldBack: partOfAnswering(c.req.path),
  });
};
