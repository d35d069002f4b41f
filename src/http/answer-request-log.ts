import type { Clock } from '../clock.js';
import { redactSecrets } from '../log-redaction.js';
import type { Logger } from '../logger.js';

/** Runs `run` after `ms`; returns a cancel. */
export type Timer = (run: () => void, ms: number) => () => void;

// Unref'd: a pending count must not keep the process alive; stop() flushes it.
const unrefTimer: Timer = (run, ms) => {
  const timeout = setTimeout(run, ms);
  timeout.unref();
  return () => clearTimeout(timeout);
};

export type AnswerRequestLog = {
  /** Counts one answering request under its redacted route and status. */
  count: (method: string, path: string, status: number) => void;
  /** Writes every pending minute, the current one too (on shutdown). */
  flush: () => void;
};

const MINUTE_MS = 60_000;
const minuteOf = (date: Date) => date.toISOString().slice(0, 16);
const minuteStart = (minute: string) => `${minute}:00.000Z`;
/** A log time that tells no more than the minute. */
export const minuteTime = (date: Date) => minuteStart(minuteOf(date));

/**
 * The answering routes get no line per request: the time of each answer
 * would be in the log. Instead one line per minute that had any, written
 * when that minute has ended, with counts per route and status. The line is
 * written by a timer at the minute's end, never by a request (its place among
 * other lines would date the request), and its time is the minute's start.
 */
export function createAnswerRequestLog(log: Logger, clock: Clock, timer: Timer = unrefTimer): AnswerRequestLog {
  const minutes = new Map<string, Map<string, number>>();
  let cancel: (() => void) | undefined;

  const write = (minute: string) => {
    // Sorted, so that not even the order of the keys tells which request came first.
    const counts = Object.fromEntries([...minutes.get(minute)!].sort(([a], [b]) => a.localeCompare(b)));
    minutes.delete(minute);
    log.info('answer requests', { time: minuteStart(minute), minute, counts });
  };
  const pendingMinutes = () => [...minutes.keys()].sort();
  const schedule = () => {
    if (cancel || minutes.size === 0) return;
    cancel = timer(writeEnded, MINUTE_MS - (clock.now().getTime() % MINUTE_MS));
  };
  function writeEnded() {
    cancel = undefined;
    const current = minuteOf(clock.now());
    for (const minute of pendingMinutes()) if (minute < current) write(minute);
    schedule();
  }

  return {
    count: (method, path, status) => {
      const minute = minuteOf(clock.now());
      const counts = minutes.get(minute) ?? new Map<string, number>();
      const key = `${method} ${redactSecrets(path)} ${status}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      minutes.set(minute, counts);
      schedule();
    },
    flush: () => {
      cancel?.();
      cancel = undefined;
      for (const minute of pendingMinutes()) write(minute);
    },
  };
}
