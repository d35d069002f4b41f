import type { BackgroundWork } from '../background-work.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Mailer } from './mailer.js';
import { deliverDueMail } from './queue.js';

export type DeliverSoonDeps = { db: Db; mailer: Mailer; clock: Clock; log: Logger; secretKey: string; background: BackgroundWork; metrics: Metrics };

/** Starts delivering queued mail now, without making the request wait for the SMTP server; shutdown waits for the send in flight. */
export function deliverSoon(deps: DeliverSoonDeps): void {
  if (deps.mailer.mode !== 'smtp') return;
  deps.background.run('mail delivery', (stopping) => deliverDueMail(deps.db, deps.mailer, deps.clock, deps.secretKey, { stopping, onAttempt: deps.metrics.mailAttempt }));
}
