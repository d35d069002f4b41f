import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { AppEnv } from './env.js';
import { plainAddress } from './trusted-proxies.js';

/** A hop without brackets around v6 or a port after v4: `[2001:db8::1]:4711` → `2001:db8::1`, `192.0.2.60:80` → `192.0.2.60`. */
function hostOf(node: string): string {
  const host = node.startsWith('[') ? node.slice(1, node.indexOf(']')) : node.replace(/^([^:]+):\d+$/, '$1');
  return plainAddress(host).slice(0, 64);
}

/** `for=` values of a Forwarded header, e.g. `for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"`. */
function forwardedFor(header: string): string[] {
  return header.split(',').flatMap((element) => {
    const match = /(?:^|;)\s*for=("?)([^";,]*)\1/i.exec(element.trim());
    return match ? [match[2]!] : [];
  });
}

/** One home or office gets a whole IPv6 /64: limits count the /64, or every guess could come from a fresh address. */
function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
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
  if (!trusted(peer)) return limitKey(peer);
  const forwarded = c.req.header('forwarded');
  const hops = forwarded ? forwardedFor(forwarded) : (c.req.header('x-forwarded-for') ?? '').split(',');
  let client = peer;
  for (const hop of hops.map((node) => hostOf(node.trim())).filter(Boolean).reverse()) {
    client = hop;
    if (!trusted(client)) break;
  }
  return limitKey(client);
}
