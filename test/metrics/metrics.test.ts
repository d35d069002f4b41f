import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createFileSizes, SIZE_SAMPLE_MS } from '../../src/metrics/file-sizes.js';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import { startServer } from '../../src/server.js';
import { closeRound } from '../../src/rounds/transitions.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { networkWithRound, queueInvitation } from '../mail/fixtures.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';
import { METRICS_TOKEN, sampleOf, scrape } from './scrape.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

describe('/metrics', () => {
  it('does not exist without METRICS_TOKEN, and asks for the token when it is set', async () => {
    t = await createTestApp();
    expect((await t.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
    const guarded = await createTestApp({ metricsToken: METRICS_TOKEN });
    try {
      const missing = await guarded.app.request('/metrics');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await missing.text()).toContain('METRICS_TOKEN');
      expect((await guarded.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
      const ok = await guarded.app.request('/metrics', { headers: { authorization: `bearer ${METRICS_TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    } finally {
      guarded.database.dispose();
    }
  });

  it('counts requests by route pattern and status with latencies, never by path, and shows mail, scheduler and stored responses', async () => {
    t = await createTestApp({ metricsToken: METRICS_TOKEN });
    const { network, coordinator } = await networkWithPeople(t);
    await t.app.request('/healthz');
    await t.app.request('/healthz');
    await t.app.request(`/networks/${network.id}/rounds`, { headers: { cookie: coordinator.cookie } });
    await t.app.request('/no/such/page');
    const round = await roundWithResponses(t, network.id, [1, 2, 3, 4, 5, 4].map((v) => uniformAnswers(t, v)), { status: 'open' });
    await closeRound(t.deps, round.id, null);
    const scheduler = startScheduler(t.deps, { intervalMs: 60_000 });
    await scheduler.stop();

    const text = await scrape(t);
    expect(sampleOf(text, 'verkostopulssi_http_requests_total', { method: 'GET', route: '/healthz', status: '200' })).toBe(2);
    expect(sampleOf(text, 'verkostopulssi_http_requests_total', { method: 'GET', route: '/networks/:networkId/rounds', status: '200' })).toBe(1);
    expect(sampleOf(text, 'verkostopulssi_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(sampleOf(text, 'verkostopulssi_http_request_duration_seconds_count', { method: 'GET', route: '/healthz' })).toBe(2);
    expect(sampleOf(text, 'verkostopulssi_http_request_duration_seconds_bucket', { method: 'GET', route: '/healthz', le: '+Inf' })).toBe(2);
    expect(text).not.toContain(`/networks/${network.id}`);
    expect(text).not.toContain('/metrics');
    expect(sampleOf(text, 'verkostopulssi_responses_stored')).toBe(6);
    expect(sampleOf(text, 'verkostopulssi_scheduler_runs_total', { outcome: 'ok' })).toBe(1);
    expect(sampleOf(text, 'verkostopulssi_scheduler_lag_seconds')).toBe(0);
    // Whole seconds only: milliseconds would tell whether the pass's checkpoint had anything to write.
    expect(sampleOf(text, 'verkostopulssi_scheduler_last_run_duration_seconds')).toBe(0);
    expect(sampleOf(text, 'verkostopulssi_database_bytes')! % (1024 * 1024)).toBe(0);
    expect(sampleOf(text, 'verkostopulssi_database_bytes')).toBeGreaterThan(0);
    expect(sampleOf(text, 'verkostopulssi_database_wal_bytes')).toBeGreaterThanOrEqual(0);
    // Every line is a comment or a well-formed sample.
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+="[^"\n]*"(,[a-z_]+="[^"\n]*")*\})? -?[\d.e+]+|[a-z_]+\{.*\} \+Inf)$/);
  });

  it('counts mail by status and delivery outcome, reminders left out', async () => {
    const sink = await startSmtpSink();
    const mailer = createSmtpMailer(sink.url, 'Verkostopulssi <no-reply@pulssi.example>');
    try {
      const clock = fixedClock();
      t = await createTestApp({ metricsToken: METRICS_TOKEN, mailer, clock });
      const ids = await networkWithRound(t.deps.db, t.deps.clock);
      for (const who of ['a', 'b', 'c']) await queueInvitation(t.deps.db, t.deps.clock, ids, `${who}@koulu.example`, 'smtp');
      for (const who of ['d', 'e']) await queueInvitation(t.deps.db, t.deps.clock, ids, `${who}@koulu.example`, 'smtp', 'reminder');
      sink.rejectWith(451, 'Try again later');
      await runDueWork(t.deps);
      const failing = await scrape(t);
      expect(sampleOf(failing, 'verkostopulssi_mail_deliveries_total', { outcome: 'retrying' })).toBe(3);
      expect(sampleOf(failing, 'verkostopulssi_mail_queue', { status: 'queued' })).toBe(3);

      sink.rejectWith(null);
      clock.advance(2 * 60_000);
      await runDueWork(t.deps);
      expect(sink.messages).toHaveLength(5);
      const sent = await scrape(t);
      expect(sampleOf(sent, 'verkostopulssi_mail_deliveries_total', { outcome: 'sent' })).toBe(3);
      expect(sampleOf(sent, 'verkostopulssi_mail_queue', { status: 'queued' })).toBeUndefined();
    } finally {
      mailer.close();
      await sink.close();
    }
  });

  it('reads file sizes at most hourly, in whole MiB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-sizes-'));
    try {
      const file = join(dir, 'db.sqlite');
      writeFileSync(file, Buffer.alloc(1024 * 1024 + 1));
      const clock = fixedClock();
      const sizes = createFileSizes(file, clock);
      expect(sizes()).toEqual({ database: 2 * 1024 * 1024, wal: 0 });
      appendFileSync(file, Buffer.alloc(1024 * 1024));
      writeFileSync(`${file}-wal`, 'x');
      clock.advance(SIZE_SAMPLE_MS - 1);
      expect(sizes()).toEqual({ database: 2 * 1024 * 1024, wal: 0 });
      clock.advance(1);
      expect(sizes()).toEqual({ database: 3 * 1024 * 1024, wal: 1024 * 1024 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('/metrics on a running server', () => {
  it('is scraped over HTTP with the configured token, and shows the scheduler pass made at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-metrics-'));
    try {
      const config = parseConfig({ DATABASE_URL: `file:${join(dir, 'data', 'db.sqlite')}`, PORT: '0', SECRET_KEY_FILE: join(dir, 'keys', 'secret.key'), METRICS_TOKEN });
      const server = await startServer(config, { log: silentLogger });
      try {
        await fetch(`${server.url}/healthz`);
        const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(sampleOf(text, 'verkostopulssi_http_requests_total', { method: 'GET', route: '/healthz', status: '200' })).toBe(1);
        expect(sampleOf(text, 'verkostopulssi_scheduler_runs_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
        expect(sampleOf(text, 'verkostopulssi_database_bytes')).toBeGreaterThan(0);
        expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
