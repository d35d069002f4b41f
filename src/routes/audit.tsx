import { Hono } from 'hono';
import { auditLog } from '../audit/network-log.js';
import { NotFoundError } from '../http/errors.js';
import { anyNetworkRole, type NetworkEnv } from '../http/network-access.js';
import { networkText } from '../i18n/networks.js';
import { AuditPage } from '../views/audit/audit-page.js';

/** The activity log page, mounted at /networks/:networkId/audit; leaders read it as well as coordinators. */
export const auditRoutes = new Hono<NetworkEnv>();
auditRoutes.use(anyNetworkRole);

// GET /networks/:networkId/audit?page=&round=
auditRoutes.get('/', async (c) => {
  const found = await auditLog(c.var.deps, c.var.network.id, { page: c.req.query('page'), round: c.req.query('round') });
  if (!found) throw new NotFoundError(networkText(c.var.lang).roundNotFound);
  return c.html(<AuditPage c={c} log={found.log} round={found.round} />);
});
