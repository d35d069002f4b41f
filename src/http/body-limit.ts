import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';
import type { AppEnv } from './env.js';

/*
 * An answer sent while the client is still uploading is often lost: the server
 * closes with unread bytes, the kernel answers them with a reset, and the client
 * sees the reset instead of the 413. So the rest of a too-large body is read and
 * dropped first — up to a bound, past which it is no person's file but a flood,
 * and the answer goes out at once.
 */
const MAX_DISCARD_BYTES = 16 * 1024 * 1024;
const MAX_DISCARD_MS = 10_000;

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const timer = setTimeout(() => void reader.cancel().catch(() => {}), MAX_DISCARD_MS);
  try {
    for (let dropped = 0; dropped <= MAX_DISCARD_BYTES; ) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.length;
    }
  } catch {
    // The client went away or the time ran out: nothing more to drop.
  } finally {
    clearTimeout(timer);
  }
}

/** Bodies up to maxBytes reach the routes (buffered, so they can read them more than once); a larger one gets a 413 the client can read. */
export function bodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const tooLarge = () => new HTTPException(413, { message: fill(commonText(c.var.lang).tooLarge, { max: Math.round(maxBytes / 1024) }) });
    const reader = body.getReader();
    const declared = Number(c.req.header('content-length'));
    if (declared > maxBytes) {
      if (declared <= MAX_DISCARD_BYTES) await discardRest(reader);
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      // A client that breaks off (or runs past the server's request timeout) is no error of ours to log.
      const { done, value } = await reader.read().catch(() => {
        throw new HTTPException(400, { message: commonText(c.var.lang).incompleteBody });
      });
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await discardRest(reader);
        throw tooLarge();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    await next();
  };
}
