import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { AppEnv } from './env.js';
import { plainAddress } from './trusted-proxies.js';

/** `for=` values of a Forwarded header, e.g. `for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"`. */
function forwardedFor(header: string): string[] {
  return header.split(',').flatMap((element) => {
    const match = /(?:^|;)\s*for=("?)([^";,]*)\1/i.exec(element.trim());
    if (!match) return [];
    const node = match[2]!;
    // Brackets around v6, a port after v4.
    return [node.startsWith('[') ? node.slice(1, node.indexOf(']')) : node.replace(/:\d+$/, '')];
  });
}

/**
 * The client's address, for rate limits only: it is never logged or stored.
 * Forwarding headers are believed only from trusted proxies: walking the hops
 * from the right, the first one not a trusted proxy is the client, since
 * anything to its left the client may have written itself.
 */
export function clientAddress(c: Context<AppEnv>): string {
  // The socket's own field: cheaper than building hono's connection info on every link request.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return 'in-process';
  const peer = plainAddress(incoming.socket.remoteAddress ?? 'unknown');
  const trusted = c.var.deps.trustedProxies;
  if (!trusted(peer)) return peer;
  const forwarded = c.req.header('forwarded');
  const hops = forwarded ? forwardedFor(forwarded) : (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim());
  let client = peer;
  for (const hop of hops.filter(Boolean).reverse()) {
    client = plainAddress(hop).slice(0, 64);
    if (!trusted(client)) break;
  }
  return client;
}
