import { Hono } from 'hono';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { networkMailCounts } from '../rounds/network-mail.js';
import { MailPage } from '../views/rounds/outbox-page.js';

/** The network's mail counts, mounted at /networks/:networkId/outbox; the mail itself is the operator's (npm run outbox). */
export const outboxRoutes = new Hono<NetworkEnv>();
outboxRoutes.use(coordinatorOnly);

// GET /networks/:networkId/outbox
outboxRoutes.get('/', async (c) => c.html(<MailPage c={c} counts={await networkMailCounts(c.var.deps.db, c.var.network.id)} />));
