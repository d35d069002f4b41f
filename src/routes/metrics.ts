import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { EXPOSITION_CONTENT_TYPE } from '../metrics/exposition.js';

export const metricsRoutes = new Hono<AppEnv>();

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

// GET /metrics — Prometheus text format with `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN there is no such page.
metricsRoutes.get('/metrics', async (c) => {
  const { metrics, metricsToken, db } = c.var.deps;
  if (!metricsToken) return c.notFound();
  const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  if (!sameSecret(given, metricsToken)) {
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    return c.text('Metrics need the token set in METRICS_TOKEN, sent as "Authorization: Bearer <token>".', 401);
  }
  c.header('Cache-Control', 'no-store');
  return c.body(await metrics.render(db), 200, { 'Content-Type': EXPOSITION_CONTENT_TYPE });
});
