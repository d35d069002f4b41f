import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Collects everything a stream prints so a later wait also sees lines that already arrived. */
function collect(stream: NodeJS.ReadableStream) {
  let seen = '';
  stream.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  return async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (let waited = 0; waited < 20_000; waited += 50) {
      const match = seen.match(pattern);
      if (match) return match;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern}; saw:\n${seen}`);
  };
}

describe('npm start process', () => {
  it('prints where to open it and a setup link, and on SIGTERM finishes the request in flight before exiting 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-shutdown-'));
    // The test runner puts its own BASE_URL ("/") into the environment; the server must not see it.
    const { BASE_URL: _runnerBase, ...env } = process.env;
    const child = spawn('node', ['--import', 'tsx', 'src/index.ts'], {
      env: { ...env, PORT: '0', DATABASE_URL: `file:${join(dir, 'data', 'db.sqlite')}`, SECRET_KEY_FILE: join(dir, 'keys', 'secret.key'), BACKUP_DIR: join(dir, 'backups'), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const waitForLine = collect(child.stdout!);
    try {
      const [, url] = await waitForLine(/running: open (http:\/\/127\.0\.0\.1:\d+)/);
      await waitForLine(/single-use link:\s+http:\/\/\S+\/setup\/\S+/);

      // A request whose body is still arriving when the signal comes.
      const response = new Promise<number>((resolve, reject) => {
        const req = request(`${url}/setup/${'x'.repeat(43)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '19' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write('name=Kaisa&email=');
        setTimeout(() => req.end('k@'), 700);
      });
      await new Promise((r) => setTimeout(r, 200));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      await waitForLine(/SIGTERM received/);
      expect(await response).toBe(410);
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
