import type { Logger } from './logger.js';

/**
 * Work a request starts and does not wait for (delivering queued mail, a
 * digest): shutdown waits for it instead. Once finish() is called nothing new
 * starts; a task sees stopping() and ends at its next safe point, and what it
 * left (queued mail) waits in the database for the next start.
 */
export type BackgroundWork = {
  run: (name: string, task: (stopping: () => boolean) => Promise<unknown>) => void;
  /** Resolves when the running tasks, and those they start, have ended. */
  settled: () => Promise<void>;
  /** Stops new work and resolves when the running tasks have ended. */
  finish: () => Promise<void>;
};

export function createBackgroundWork(log: Logger): BackgroundWork {
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  const isStopping = () => stopping;
  const settled = async () => {
    while (running.size > 0) await Promise.all([...running]);
  };
  return {
    run(name, task) {
      if (stopping) return log.debug('background work not started: stopping', { task: name });
      const done = task(isStopping)
        .catch((error: unknown) => log.error(`${name} failed`, { error: String(error) }))
        .finally(() => running.delete(done));
      running.add(done);
    },
    settled,
    finish() {
      stopping = true;
      return settled();
    },
  };
}
