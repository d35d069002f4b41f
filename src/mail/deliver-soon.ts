import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Mailer } from './mailer.js';
import { deliverDueMail } from './queue.js';

/** Starts delivering queued mail now, without making the request wait for the SMTP server. */
export function deliverSoon(deps: { db: Db; mailer: Mailer; clock: Clock; log: Logger; secretKey: string }): void {
  if (deps.mailer.mode !== 'smtp') return;
  deliverDueMail(deps.db, deps.mailer, deps.clock, deps.secretKey).catch((error: unknown) => deps.log.error('mail delivery failed', { error: String(error) }));
}
