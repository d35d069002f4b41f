import type { MiddlewareHandler } from 'hono';
import type { Role } from '../db/schema/index.js';
import { accessTo, type Network } from '../networks/networks.js';
import { networkText } from '../i18n/networks.js';
import type { AppEnv } from './env.js';
import { DomainError, NotFoundError } from './errors.js';
import { parseId } from './ids.js';

export type NetworkEnv = AppEnv & { Variables: { network: Network; role: Role } };

/**
 * Lets through users with one of the roles in the network named by :networkId.
 * Someone with no role there gets the same 404 as for a network that does not
 * exist, so they learn nothing; a leader on a coordinator's route gets 403.
 */
export function networkAccess(allowed: readonly Role[]): MiddlewareHandler<NetworkEnv> {
  return async (c, next) => {
    const t = networkText(c.var.lang);
    const id = parseId(c.req.param('networkId'));
    const session = c.var.session;
    const access = session && id !== null ? await accessTo(c.var.deps.db, session.user.id, id) : null;
    if (!access) throw new NotFoundError(t.notFound);
    if (!allowed.includes(access.role)) throw new DomainError(t.coordinatorsOnly, 403);
    c.set('network', access.network);
    c.set('role', access.role);
    await next();
  };
}

export const coordinatorOnly = networkAccess(['coordinator']);
export const anyNetworkRole = networkAccess(['coordinator', 'leader']);
