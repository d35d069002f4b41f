/**
 * Attempts per key in a sliding window, in memory: a restart forgets them,
 * which only ever helps a real user. The map is bounded: keys idle for a
 * whole window are dropped first, and past `maxKeys` the least recently used
 * key goes, so a flood of fresh addresses cannot grow the process.
 */
export type AttemptWindow = {
  /** Seconds until the key may try again, or 0. */
  wait: (key: string, now: number) => number;
  record: (key: string, now: number) => void;
  /** Takes back the newest attempt, e.g. the one that turned out to be right. */
  refund: (key: string) => void;
  forget: (key: string) => void;
};

export function createAttemptWindow({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }): AttemptWindow {
  // Map order is least recently touched first, so idle and surplus keys are at the front.
  const attempts = new Map<string, number[]>();
  const recent = (key: string, now: number) => (attempts.get(key) ?? []).filter((t) => now - t < windowMs);
  const sweep = (now: number) => {
    for (const [key, times] of attempts) {
      if (attempts.size <= maxKeys && now - times[times.length - 1]! < windowMs) break;
      attempts.delete(key);
    }
  };
  return {
    wait: (key, now) => {
      const times = recent(key, now);
      return times.length >= limit ? Math.ceil((times[times.length - limit]! + windowMs - now) / 1000) : 0;
    },
    record: (key, now) => {
      const times = [...recent(key, now), now].slice(-limit);
      attempts.delete(key);
      attempts.set(key, times);
      sweep(now);
    },
    refund: (key) => {
      const times = attempts.get(key);
      if (times && times.length > 1) times.pop();
      else attempts.delete(key);
    },
    forget: (key) => attempts.delete(key),
  };
}
