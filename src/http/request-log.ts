import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/**
 * Counted per minute, never logged one by one (see answer-request-log.ts):
 * the answering routes, and the static files, which a member's browser
 * fetches the moment the answer page opens.
 */
export const isAnsweringPath = (path: string) => /^\/(a|static)(\/|$)/.test(path);

/** One canonical line per request: no query string, no client address; the logger redacts tokens. */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const { log, answerRequestLog } = c.var.deps;
  if (isAnsweringPath(c.req.path)) {
    answerRequestLog.count(c.req.method, c.req.path, c.res.status);
    return;
  }
  log.info('request', {
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round(performance.now() - started),
    requestId: c.var.requestId,
  });
};
