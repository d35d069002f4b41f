import { createAttemptWindow } from '../limits/attempt-window.js';

/** Who is trying: `device` is set when the browser carries a device cookie from an earlier sign-in to this account. */
export type LoginAttempt = { account: string; address: string; device: string | null };

export type LoginLimiter = {
  /**
   * Counts the attempt before the password is checked, in one synchronous
   * step, so parallel requests cannot all pass; seconds to wait, or 0.
   */
  begin: (attempt: LoginAttempt, now: number) => number;
  /** A right password takes its own attempt back and clears its pair's failures. */
  succeeded: (attempt: LoginAttempt) => void;
};

export const LOGIN_LIMITS = {
  /** One account from one address (or one known device). */
  perPair: 5,
  /** One address over all accounts: a school behind one NAT signs in from it. */
  perAddress: 100,
  /** One account from every unknown device together: spraying from many addresses. */
  perAccount: 30,
  windowMs: 15 * 60_000,
} as const;

/**
 * Throttles the guesser, not the account's owner: failures count per account
 * and address, so guesses from elsewhere do not lock the owner out, and a
 * browser the owner signed in with before has a budget of its own.
 */
export function createLoginLimiter(limits = LOGIN_LIMITS): LoginLimiter {
  const windowMs = limits.windowMs;
  const pairs = createAttemptWindow({ limit: limits.perPair, windowMs });
  const addresses = createAttemptWindow({ limit: limits.perAddress, windowMs });
  const accounts = createAttemptWindow({ limit: limits.perAccount, windowMs });
  const buckets = ({ account, address, device }: LoginAttempt) =>
    device
      ? [{ window: pairs, key: `device:${account}|${device}`, own: true }]
      : [
          { window: pairs, key: `address:${account}|${address}`, own: true },
          { window: addresses, key: address, own: false },
          { window: accounts, key: account, own: false },
        ];
  return {
    begin: (attempt, now) => {
      const all = buckets(attempt);
      const wait = Math.max(...all.map(({ window, key }) => window.wait(key, now)));
      if (wait === 0) for (const { window, key } of all) window.record(key, now);
      return wait;
    },
    succeeded: (attempt) => {
      for (const { window, key, own } of buckets(attempt)) if (own) window.forget(key);
      else window.refund(key);
    },
  };
}

/** The current password on the password change, per signed-in user: a stolen session must not become an unlimited password oracle. */
const PASSWORD_CHECK_LIMITS = { perUser: 5, windowMs: 15 * 60_000 } as const;

export const createPasswordCheckLimiter = () => createAttemptWindow({ limit: PASSWORD_CHECK_LIMITS.perUser, windowMs: PASSWORD_CHECK_LIMITS.windowMs });
