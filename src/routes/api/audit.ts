import { Hono } from 'hono';
import { describeEvent } from '../../audit/describe.js';
import { auditLog } from '../../audit/network-log.js';
import { NotFoundError } from '../../http/errors.js';
import { anyNetworkRole, type NetworkEnv } from '../../http/network-access.js';
import { networkText } from '../../i18n/networks.js';

/** The activity log's JSON API, mounted at /api/networks/:networkId/audit. */
export const auditApi = new Hono<NetworkEnv>();
auditApi.use(anyNetworkRole);

// GET /api/networks/:networkId/audit?page=&round= — codes and details for scripts, `text` and `lines` in the reader's language.
auditApi.get('/', async (c) => {
  const found = await auditLog(c.var.deps, c.var.network.id, { page: c.req.query('page'), round: c.req.query('round') });
  if (!found) throw new NotFoundError(networkText(c.var.lang).roundNotFound);
  const { events, ...paging } = found.log;
  return c.json({
    ...paging,
    round: found.round,
    events: events.map((event) => ({ ...event, ...describeEvent(event, c.var.lang) })),
  });
});
