import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';

export const healthRoutes = new Hono<AppEnv>();

// GET /healthz — 200 when the database answers, 503 otherwise.
healthRoutes.get('/healthz', async (c) => {
  try {
    await c.var.deps.db.run(sql`select 1`);
    return c.json({ status: 'ok' });
  } catch {
    return c.json({ status: 'unavailable', error: 'The database does not answer.' }, 503);
  }
});
