import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { DeliveryReport } from '../mail/queue.js';
import { family, type Labels } from './exposition.js';
import { createFileSizes } from './file-sizes.js';
import { createCounter, createHistogram } from './series.js';
import { storedFigures } from './stored-figures.js';

const MINUTE_MS = 60_000;
const minuteOf = (date: Date) => Math.floor(date.getTime() / MINUTE_MS);

export type SchedulerPass = { ok: boolean; durationMs: number; nextDueAt: Date };

/**
 * What /metrics shows, kept in memory since the start (a scrape's counters
 * start again at a restart, as Prometheus expects), plus figures read from
 * the database at each scrape. Nothing here is per member, per invitation or
 * per answer. A member's requests are held back like the answering routes'
 * log line (see http/answer-request-log.ts): they join the counters only once
 * their minute has ended, so a scrape right after an answer shows nothing new.
 */
export function createMetrics({ clock, databaseFile }: { clock: Clock; databaseFile?: string | undefined }) {
  const requests = createCounter();
  const latency = createHistogram();
  const heldBack = new Map<number, Array<{ labels: Labels; seconds: number }>>();
  const schedulerRuns = createCounter();
  const mailDeliveries = createCounter();
  let lastPass: SchedulerPass & { endedAt: Date } = { ok: true, durationMs: 0, nextDueAt: clock.now(), endedAt: clock.now() };
  let passes = 0;
  const fileSizes = databaseFile ? createFileSizes(databaseFile, clock) : undefined;

  const record = (labels: Labels, seconds: number) => {
    requests.add(labels);
    latency.observe({ method: labels.method!, route: labels.route! }, seconds);
  };
  const releaseEndedMinutes = () => {
    const current = minuteOf(clock.now());
    for (const [minute, held] of heldBack) {
      if (minute >= current) continue;
      for (const { labels, seconds } of held) record(labels, seconds);
      heldBack.delete(minute);
    }
  };

  return {
    /**
     * One request by its route pattern (never the path: it carries ids and tokens).
     * Held-back requests are released only by a scrape: released by a later
     * request, their appearing would date that request.
     */
    request(request: { method: string; route: string; status: number; seconds: number; heldBack: boolean }) {
      const labels = { method: request.method, route: request.route, status: String(request.status) };
      if (!request.heldBack) return record(labels, request.seconds);
      const minute = minuteOf(clock.now());
      heldBack.set(minute, [...(heldBack.get(minute) ?? []), { labels, seconds: request.seconds }]);
    },
    schedulerPass(pass: SchedulerPass) {
      schedulerRuns.add({ outcome: pass.ok ? 'ok' : 'failed' });
      lastPass = { ...pass, endedAt: clock.now() };
      passes++;
    },
    /** One delivery attempt (reminders are not passed in: see mail/deliver-soon.ts). */
    mailAttempt(outcome: keyof DeliveryReport) {
      mailDeliveries.add({ outcome });
    },
    async render(db: Db): Promise<string> {
      releaseEndedMinutes();
      const stored = await storedFigures(db);
      const now = clock.now();
      const families = [
        family('verkostopulssi_http_requests_total', 'counter', 'HTTP requests by method, route pattern and status; the requests of members answering join once their minute has ended.', requests.samples()),
        family('verkostopulssi_http_request_duration_seconds', 'histogram', 'HTTP request latency by method and route pattern.', latency.samples('verkostopulssi_http_request_duration_seconds')),
        family('verkostopulssi_responses_stored', 'gauge', 'Responses of closed rounds. Answers of open rounds are not counted until their round closes.', [{ value: stored.closedRoundResponses }]),
        family('verkostopulssi_mail_queue', 'gauge', 'Mail not sent by status: queued (waiting or retrying), failed (gave up), outbox (kept unsent in outbox mode). Reminders are not counted.', stored.mailByStatus.map(({ status, n }) => ({ labels: { status }, value: n }))),
        family('verkostopulssi_mail_deliveries_total', 'counter', 'Mail delivery attempts by outcome: sent, retrying (will be tried again), failed (gave up). Reminders are not counted.', mailDeliveries.samples()),
        family('verkostopulssi_scheduler_runs_total', 'counter', 'Passes of the scheduler (opening, reminding, closing, mail) by outcome.', schedulerRuns.samples()),
        // Whole seconds: a pass ends with a checkpoint, a few milliseconds longer when something, an answer perhaps, was written since the last.
        family('verkostopulssi_scheduler_last_run_duration_seconds', 'gauge', 'How long the last scheduler pass took, in whole seconds.', passes > 0 ? [{ value: Math.round(lastPass.durationMs / 1000) }] : []),
        family('verkostopulssi_scheduler_lag_seconds', 'gauge', 'How late the next scheduler pass is, in whole seconds: 0 while on time.', passes > 0 ? [{ value: Math.max(0, Math.round((now.getTime() - lastPass.nextDueAt.getTime()) / 1000)) }] : []),
      ];
      if (fileSizes) {
        const sizes = fileSizes();
        families.push(
          family('verkostopulssi_database_bytes', 'gauge', 'Size of the database file, read at most hourly and rounded up to whole MiB.', [{ value: sizes.database }]),
          family('verkostopulssi_database_wal_bytes', 'gauge', 'Size of the write-ahead log file, read at most hourly and rounded up to whole MiB.', [{ value: sizes.wal }]),
        );
      }
      return `${families.join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
