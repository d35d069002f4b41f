import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/** The peer address, for rate limits only: it is never logged or stored. */
export function clientAddress(c: Context): string {
  // The socket's own field: cheaper than building hono's connection info on every link request.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming ? (incoming.socket.remoteAddress ?? 'unknown') : 'in-process';
}
