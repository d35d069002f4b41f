import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

/*
 * What only a real listening server shows: request lines no fetch() would send,
 * clients that send nothing or drip, and a 413 sent while the client still uploads.
 * The timeouts are shortened so the test waits milliseconds, not the production seconds.
 */
let server: RunningServer;
let port: number;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vp-raw-'));
  const config = parseConfig({ DATABASE_URL: `file:${join(dir, 'data', 'db.sqlite')}`, PORT: '0', SECRET_KEY_FILE: join(dir, 'keys', 'secret.key') });
  server = await startServer(config, { log: silentLogger, connectionLimits: { headersTimeoutMs: 400, requestTimeoutMs: 2_000, checkIntervalMs: 100, maxConnections: 20 } });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Exchange = { text: string; ms: number; closed: boolean };

/** Writes the parts with pauses between them and collects what comes back until the server closes or `waitMs` passes. */
function exchange(parts: (string | Buffer)[], options: { gapMs?: number; waitMs?: number; readAfterSending?: boolean; toPort?: number } = {}): Promise<Exchange> {
  const { gapMs = 0, waitMs = 3_000, readAfterSending = false, toPort = port } = options;
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(toPort, '127.0.0.1');
    const received: Buffer[] = [];
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(received).toString('utf8'), ms: Date.now() - started, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    // A client that reads only once its upload is done, as many do: a reset before then loses the answer.
    if (readAfterSending) socket.pause();
    void (async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
      socket.resume();
    })();
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);

describe('raw request lines', () => {
  it.each(['//[/', '//x:99999/', '//%5B/', '/%', '/catalogue/%zz', '/..%2f..%2fetc/passwd', '//evil.example/'])('GET %s is a 4xx page, and the server keeps answering', async (target) => {
    const { text } = await exchange([`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`]);
    expect(statusOf(text)).toBeGreaterThanOrEqual(400);
    expect(statusOf(text)).toBeLessThan(500);
    expect(text).toMatch(/<html/i);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it.each([
    'GET / HTTP/1.1\r\nHost: [\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x:99999\r\n\r\n',
    'GET / HTTP/1.1\r\n\r\n',
    'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
    'BREW / HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nX: a\u0000b\r\n\r\n',
    'POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  ])('a malformed request %j gets no 5xx', async (request) => {
    const { text } = await exchange([request], { waitMs: 1_500 });
    if (text) expect(statusOf(text)).toBeLessThan(500);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('slow clients', () => {
  it('a connection that sends nothing is closed after the header timeout', async () => {
    const { ms, closed } = await exchange([]);
    expect(closed).toBe(true);
    expect(ms).toBeLessThan(2_000);
  });

  it('headers that never end are cut after the header timeout', async () => {
    const { text, ms, closed } = await exchange(['GET / HTTP/1.1\r\n', 'Host: x\r\n', 'X-Slow: 1\r\n', 'X-Slow: 2\r\n'], { gapMs: 150 });
    expect(closed).toBe(true);
    expect(statusOf(text)).toBe(408);
    expect(ms).toBeLessThan(2_000);
  });

  it('a dripped body is cut after the request timeout, and the server keeps answering', async () => {
    const head = 'POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n';
    const { text, ms, closed } = await exchange([head, ...Array.from({ length: 40 }, () => 'a')], { gapMs: 100, waitMs: 5_000 });
    expect(closed).toBe(true);
    expect(statusOf(text)).toBe(408);
    expect(ms).toBeLessThan(3_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

});

describe('the connection cap', () => {
  // A server of its own: with the short header timeout above, a held socket could be
  // closed before the last one connects on a busy machine, and fetch()'s kept-alive
  // sockets from earlier tests would count against the cap.
  let capped: RunningServer;
  let cappedPort: number;
  beforeAll(async () => {
    const config = parseConfig({ DATABASE_URL: `file:${join(dir, 'capped', 'db.sqlite')}`, PORT: '0', SECRET_KEY_FILE: join(dir, 'keys', 'secret.key') });
    capped = await startServer(config, { log: silentLogger, connectionLimits: { headersTimeoutMs: 30_000, requestTimeoutMs: 60_000, maxConnections: 20 } });
    cappedPort = Number(new URL(capped.url).port);
  });
  afterAll(() => capped.stop());

  it('past the cap new sockets are refused, and once they close the server answers again', async () => {
    const held = Array.from({ length: 20 }, () => connect(cappedPort, '127.0.0.1'));
    await Promise.all(held.map((s) => new Promise((r) => s.once('connect', r))));
    await new Promise((r) => setTimeout(r, 50));
    const { text, closed } = await exchange(['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'], { waitMs: 3_000, toPort: cappedPort });
    expect(closed).toBe(true);
    expect(text).toBe('');
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const again = await exchange(['GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'], { toPort: cappedPort });
    expect(statusOf(again.text)).toBe(200);
  });
});

describe('an oversized body', () => {
  it.each([
    ['declared', (size: number) => `Content-Length: ${size}`],
    ['chunked', () => 'Transfer-Encoding: chunked'],
  ] as const)('%s: the 413 reaches a client that reads only after sending, in its language', async (kind, length) => {
    const chunk = 'a'.repeat(64 * 1024);
    const pieces = 8;
    const framed = kind === 'chunked' ? `${chunk.length.toString(16)}\r\n${chunk}\r\n` : chunk;
    const head = `POST /login HTTP/1.1\r\nHost: x\r\nAccept-Language: sv\r\nContent-Type: application/x-www-form-urlencoded\r\n${length(chunk.length * pieces)}\r\nConnection: close\r\n\r\n`;
    const parts = [head, ...Array.from({ length: pieces }, () => framed), ...(kind === 'chunked' ? ['0\r\n\r\n'] : [])];
    // Spread over more than a second: past the 0.5 s the Node adapter drains before it resets.
    const { text } = await exchange(parts, { gapMs: 130, readAfterSending: true, waitMs: 5_000 });
    expect(statusOf(text)).toBe(413);
    expect(text).toContain('Begäran är för stor (högst 256 kB).');
  });
});
