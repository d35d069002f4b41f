/**
 * Counts failed logins in memory, per account and per client address, in a
 * sliding window. A restart forgets them, which only ever helps a real user.
 */
export type LoginLimiter = {
  /** Seconds until the next attempt is allowed, or 0. */
  retryAfter: (account: string, address: string, now: number) => number;
  recordFailure: (account: string, address: string, now: number) => void;
  recordSuccess: (account: string) => void;
};

export function createLoginLimiter({ perAccount = 5, perAddress = 20, windowMs = 15 * 60_000 } = {}): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  const wait = (key: string, limit: number, now: number) => {
    const times = recent(key, now);
    return times.length >= limit ? Math.ceil((times[times.length - limit]! + windowMs - now) / 1000) : 0;
  };
  return {
    retryAfter: (account, address, now) => Math.max(wait(`a:${account}`, perAccount, now), wait(`i:${address}`, perAddress, now)),
    recordFailure: (account, address, now) => {
      for (const key of [`a:${account}`, `i:${address}`]) failures.set(key, [...recent(key, now), now]);
    },
    recordSuccess: (account) => failures.delete(`a:${account}`),
  };
}
