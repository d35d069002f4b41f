import { eq } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { createAttemptWindow } from '../limits/attempt-window.js';
import { passwordResetMail } from '../mail/compose.js';
import { deliverSoon, type DeliverSoonDeps } from '../mail/deliver-soon.js';
import { enqueueMail } from '../mail/queue.js';
import { issueAccountLink } from './account-links.js';

export const RESET_VALID_HOURS = 2;

const RESET_LIMITS = {
  /** Mails to one typed address, whether or not it has an account, so the limit tells nothing. */
  perEmail: 3,
  /** Requests from one client address over all addresses typed. */
  perAddress: 20,
  windowMs: 60 * 60_000,
} as const;

export type ResetLimiter = {
  /** Counts the request; the seconds the client address has to wait, or 0. A limited email is not told apart: `mail` is just false. */
  begin: (email: string, address: string, now: number) => { wait: number; mail: boolean };
};

export function createResetLimiter(limits = RESET_LIMITS): ResetLimiter {
  const emails = createAttemptWindow({ limit: limits.perEmail, windowMs: limits.windowMs });
  const addresses = createAttemptWindow({ limit: limits.perAddress, windowMs: limits.windowMs });
  return {
    begin: (email, address, now) => {
      const wait = addresses.wait(address, now);
      if (wait > 0) return { wait, mail: false };
      addresses.record(address, now);
      const mail = emails.wait(email, now) === 0;
      if (mail) emails.record(email, now);
      return { wait: 0, mail };
    },
  };
}

type ResetDeps = DeliverSoonDeps & { baseUrl: string };

/**
 * Mails a reset link if the address has an account. It starts only after the
 * answer has gone (setImmediate runs after the request's pending promise
 * work), so the answer takes the same time whether or not the account exists.
 */
export function mailResetLinkLater(deps: ResetDeps, email: string): void {
  // After this turn of the event loop: the answer must not wait for, or be timed by, the lookup.
  deps.background.run('password reset mail', () => new Promise((resolve) => setImmediate(resolve)).then(() => mailResetLink(deps, email)));
}

async function mailResetLink(deps: ResetDeps, email: string): Promise<void> {
  const { db, clock, secretKey, baseUrl } = deps;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) return;
  const token = await issueAccountLink(db, clock, secretKey, 'password_reset', RESET_VALID_HOURS * 3_600_000, { userId: user.id });
  const mail = await passwordResetMail({ lang: user.language, name: user.name, link: `${baseUrl}/reset/${token}`, validHours: RESET_VALID_HOURS });
  await enqueueMail(db, deps, { kind: 'password-reset', recipient: user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html });
  deliverSoon(deps);
}
