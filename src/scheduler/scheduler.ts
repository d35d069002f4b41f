import { runDueWork, type SchedulerDeps } from './due-work.js';

export const DEFAULT_INTERVAL_MS = 30_000;

export type Scheduler = { stop: () => Promise<void> };

/**
 * Runs the due work at once (to catch up on what fell due while the server
 * was down) and then every intervalMs after the previous run ended, so runs
 * never overlap. stop() cancels the next run and waits for a running one.
 */
export function startScheduler(deps: SchedulerDeps, { intervalMs = DEFAULT_INTERVAL_MS }: { intervalMs?: number } = {}): Scheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const started = performance.now();
    let ok = true;
    try {
      const report = await runDueWork(deps, () => stopped);
      const { opened, reminded, closed, created, mail } = report;
      if (opened + reminded + closed + created + mail.sent + mail.retrying + mail.failed > 0) deps.log.info('scheduled work done', report);
      // No duration: in milliseconds it would tell whether the closing checkpoint had anything to write.
      else deps.log.debug('scheduler pass: nothing due');
    } catch (error) {
      ok = false;
      deps.log.error('scheduled work failed', { error: String(error) });
    }
    deps.metrics.schedulerPass({ ok, durationMs: performance.now() - started, nextDueAt: new Date(deps.clock.now().getTime() + intervalMs) });
    // unref: the server keeps the process alive, the scheduler alone must not.
    if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs).unref();
  };

  running = tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
