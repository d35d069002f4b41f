import type { BackgroundWork } from '../background-work.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Mailer } from './mailer.js';
import { deliverDueMail, type DeliveryReport } from './queue.js';

export type DeliverSoonDeps = { db: Db; mailer: Mailer; clock: Clock; log: Logger; secretKey: string; background: BackgroundWork; metrics: Metrics };

/** Starts delivering queued mail now, without making the request wait for the SMTP server; shutdown waits for the send in flight. */
export function deliverSoon(deps: DeliverSoonDeps): void {
  if (deps.mailer.mode !== 'smtp') return;
  deps.background.run('mail delivery', (stopping) => deliverDueMail(deps.db, deps.mailer, deps.clock, deps.secretKey, { stopping, onAttempt: observeAttempt(deps) }));
}

/**
 * What a delivery attempt tells the operator: /metrics, and at LOG_LEVEL=debug
 * a line with its kind and outcome, never its address. Reminders are left out,
 * as on the round page: how many go tells how many have not answered.
 */
export const observeAttempt =
  (deps: Pick<DeliverSoonDeps, 'metrics' | 'log'>) =>
  (kind: string, outcome: keyof DeliveryReport): void => {
    if (kind === 'reminder') return;
    deps.metrics.mailAttempt(outcome);
    deps.log.debug('mail attempt', { kind, outcome });
  };
