import { existsSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { sealedResponses } from '../../src/db/schema/index.js';
import { silentLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { fullAnswers } from '../answering/fixture.js';
import { TEST_SECRET_KEY, createTestApp, fixedClock } from '../helpers/app.js';
import { openRound } from '../helpers/open-round.js';
import { receiptCount } from '../helpers/receipts.js';

/** Sends the headers and half the body now; the rest when `finish` is called. Resolves with the status; `connected` once the socket is open. */
function slowPost(url: string, body: string) {
  const bytes = Buffer.from(body);
  let finish = () => {};
  let onConnect = () => {};
  const connected = new Promise<void>((resolve) => (onConnect = resolve));
  const status = new Promise<number>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.on('socket', (socket) => socket.once('connect', onConnect));
    req.write(bytes.subarray(0, bytes.length >> 1));
    finish = () => req.end(bytes.subarray(bytes.length >> 1));
  });
  return { status, connected, finish: () => finish() };
}

describe('stop()', () => {
  it('stores a submission that is still arriving when stop is called, and leaves no write-ahead log behind', async () => {
    const clock = fixedClock('2026-03-02T09:00:00.000Z');
    const seeded = await createTestApp({ clock, secretKey: TEST_SECRET_KEY });
    const { path, round, version } = await openRound(seeded);
    seeded.database.close();
    const file = seeded.database.url.slice('file:'.length);
    try {
      const config = parseConfig({ DATABASE_URL: seeded.database.url, PORT: '0', SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: 'silent' });
      const server = await startServer(config, { clock, log: silentLogger });
      const submission = slowPost(`${server.url}${path}/submit`, JSON.stringify({ answers: fullAnswers(version) }));
      // Connected and its headers read by the server before the stop, also on a busy machine: until then
      // the connection is idle, and stop() rightly closes idle connections.
      await submission.connected;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const stopped = server.stop();
      // The request was accepted before the stop: it is served, and stop() waits for its commit.
      setTimeout(submission.finish, 200);
      expect(await submission.status).toBe(201);
      await stopped;

      expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true);
      const reopened = await openDatabase(seeded.database.url);
      try {
        expect(await receiptCount(reopened.db, round.id)).toBe(1);
        expect(await reopened.db.select().from(sealedResponses)).toHaveLength(1);
      } finally {
        reopened.close();
      }
    } finally {
      rmSync(seeded.database.dir, { recursive: true, force: true });
    }
  });
});
