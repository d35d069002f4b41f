import { and, eq, gt, lte } from 'drizzle-orm';
import type { BackgroundWork } from '../background-work.js';
import { onRoundClosed } from '../digest/send-digest.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import { checkpoint, type Db } from '../db/client.js';
import { networks, rounds } from '../db/schema/index.js';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/mailer.js';
import type { Metrics } from '../metrics/metrics.js';
import { observeAttempt } from '../mail/deliver-soon.js';
import { deliverDueMail, type DeliveryReport } from '../mail/queue.js';
import { mixRound, roundsLeftSealed } from '../responses/mix.js';
import { createNextRound, roundsDueToRecur } from '../rounds/recurrence.js';
import { RoundRefused } from '../rounds/refusals.js';
import { sendInvitations } from '../rounds/invite.js';
import { scheduledReminders, sendReminders } from '../rounds/remind.js';
import { roundSender } from '../rounds/round-mail.js';
import type { Round } from '../rounds/rounds.js';
import { closeRound, openRound } from '../rounds/transitions.js';
import { applyRetention, type RetentionReport } from '../retention/retention.js';

export type SchedulerDeps = { db: Db; catalogue: Catalogue; clock: Clock; log: Logger; mailer: Mailer; baseUrl: string; secretKey: string; background: BackgroundWork; metrics: Metrics };
export type DueWorkReport = { opened: number; reminded: number; closed: number; created: number; erased: RetentionReport; mail: DeliveryReport };

const MAIL_BATCH = 20;
const MAX_MAIL_BATCHES = 10;
/** Someone else (a coordinator, another run) did it first: nothing to do, nothing to report. */
const BENIGN: ReadonlySet<string> = new Set(['changed', 'already_open', 'closed', 'not_open']);

/** Runs `work` for each round; one round's failure is logged and does not stop the others. */
async function eachRound(deps: SchedulerDeps, step: string, candidates: Round[], work: (round: Round) => Promise<boolean>): Promise<number> {
  let done = 0;
  for (const round of candidates) {
    try {
      if (await work(round)) done++;
    } catch (error) {
      if (error instanceof RoundRefused && BENIGN.has(error.reason)) continue;
      deps.log.error('scheduled round work failed', { step, roundId: round.id, error: String(error) });
    }
  }
  return done;
}

async function networkOf(db: Db, round: Round) {
  const [network] = await db.select().from(networks).where(eq(networks.id, round.networkId));
  if (!network) throw new RoundRefused('changed');
  return network;
}

/** Drafts whose opening time has come; a draft whose closing time passed too waits for a coordinator to reschedule it. */
async function openDue(deps: SchedulerDeps, now: string): Promise<number> {
  const due = await deps.db.select().from(rounds).where(and(eq(rounds.status, 'draft'), lte(rounds.opensAt, now), gt(rounds.closesAt, now)));
  return eachRound(deps, 'open', due, async (round) => {
    const opened = await openRound(deps, round.id, null);
    // A round that opens on its schedule invites the active roster itself, as a coordinator would on opening it by hand.
    const network = await networkOf(deps.db, opened);
    await sendInvitations(deps, opened, network, await roundSender(deps.db, opened, network), null);
    return true;
  });
}

/**
 * The scheduled reminders of each open round whose time has come, also if it
 * came while the server was down, earliest first; two that fell due together
 * send one mail, since the second comes within a day of the first.
 */
async function remindDue(deps: SchedulerDeps, now: Date): Promise<number> {
  const open = await deps.db.select().from(rounds).where(and(eq(rounds.status, 'open'), gt(rounds.closesAt, now.toISOString())));
  return eachRound(deps, 'remind', open, async (round) => {
    const due = (await scheduledReminders(deps.db, round)).filter((reminder) => reminder.sentAt === null && reminder.dueAt <= now.toISOString());
    if (due.length === 0) return false;
    const network = await networkOf(deps.db, round);
    const sender = await roundSender(deps.db, round, network);
    let sent = false;
    for (const reminder of due) sent = (await sendReminders(deps, round, network, sender, null, { scheduledDays: reminder.daysBefore })) || sent;
    return sent;
  });
}

async function closeDue(deps: SchedulerDeps, now: string): Promise<number> {
  const due = await deps.db.select().from(rounds).where(and(eq(rounds.status, 'open'), lte(rounds.closesAt, now)));
  return eachRound(deps, 'close', due, async (round) => {
    await closeRound(deps, round.id, null);
    // The leaders' digest goes out with the final figures; it never throws.
    await onRoundClosed(deps, round.id);
    return true;
  });
}

/** Closed rounds whose unsealing a crash interrupted: their figures appear once it is done. */
async function unsealLeftovers(deps: SchedulerDeps): Promise<number> {
  const left = await roundsLeftSealed(deps.db);
  for (const roundId of left) await mixRound(deps, roundId);
  return left.length;
}

async function recurDue(deps: SchedulerDeps): Promise<number> {
  return eachRound(deps, 'recur', await roundsDueToRecur(deps.db), async (round) => (await createNextRound(deps.db, deps.catalogue, deps.clock, round)) !== null);
}

/** Delivers while batches come back full and clean; a failing server waits for its back-off instead of being hammered. */
async function deliver(deps: SchedulerDeps, stopping: () => boolean): Promise<DeliveryReport> {
  const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < MAX_MAIL_BATCHES && !stopping(); batch++) {
    const report = await deliverDueMail(deps.db, deps.mailer, deps.clock, deps.secretKey, { batchSize: MAIL_BATCH, stopping, onAttempt: observeAttempt(deps) });
    total.sent += report.sent;
    total.retrying += report.retrying;
    total.failed += report.failed;
    if (report.sent < MAIL_BATCH) break;
  }
  return total;
}

/**
 * Everything due now: open, remind, close, schedule next rounds, erase
 * what retention says, deliver mail. Each step is a conditional write, so running this twice, or in two
 * processes at once, does nothing twice; and what fell due while the server
 * was down is done at the first run after it starts.
 */
export async function runDueWork(deps: SchedulerDeps, stopping: () => boolean = () => false): Promise<DueWorkReport> {
  const report: DueWorkReport = { opened: 0, reminded: 0, closed: 0, created: 0, erased: { rounds: 0, members: 0, results: 0 }, mail: { sent: 0, retrying: 0, failed: 0 } };
  report.opened = await openDue(deps, deps.clock.now().toISOString());
  // A reminder before closing: if both fell due while the server was down, the round closes without one.
  report.reminded = await remindDue(deps, deps.clock.now());
  report.closed = await closeDue(deps, deps.clock.now().toISOString());
  await unsealLeftovers(deps);
  report.created = await recurDue(deps);
  report.erased = await applyRetention(deps.db, deps.clock, deps.secretKey);
  if (!stopping()) report.mail = await deliver(deps, stopping);
  // Delivered mail and unsealed responses were deleted: their earlier pages leave the log at each run.
  await checkpoint(deps.db, 'PASSIVE');
  return report;
}
