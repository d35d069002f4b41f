import { Hono } from 'hono';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { listOutbox } from '../mail/mail-status.js';
import { networkMailCounts } from '../rounds/network-mail.js';
import { OutboxPage, SmtpMailPage } from '../views/rounds/outbox-page.js';

/** The network's local outbox, mounted at /networks/:networkId/outbox. */
export const outboxRoutes = new Hono<NetworkEnv>();
outboxRoutes.use(coordinatorOnly);

export const OUTBOX_PAGE_SIZE = 20;

// GET /networks/:networkId/outbox?page=
outboxRoutes.get('/', async (c) => {
  const { db, mailer } = c.var.deps;
  // With SMTP the bodies are not kept after delivery, and the page shows counts only.
  if (mailer.mode === 'smtp') return c.html(<SmtpMailPage c={c} counts={await networkMailCounts(db, c.var.network.id)} />);
  const asked = Number(c.req.query('page') ?? '1');
  const page = Number.isSafeInteger(asked) && asked > 0 ? asked : 1;
  const { total, items } = await listOutbox(db, c.var.deps.secretKey, c.var.network.id, { limit: OUTBOX_PAGE_SIZE, offset: (page - 1) * OUTBOX_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  if (page > pages) return c.redirect(`/networks/${c.var.network.id}/outbox?page=${pages}`, 303);
  return c.html(<OutboxPage c={c} items={items} total={total} page={page} pages={pages} />);
});
