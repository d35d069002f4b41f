import type { Db } from '../db/client.js';
import { mailStatusForRound, type MailError } from '../mail/mail-status.js';
import type { Network } from '../networks/networks.js';
import { uninvitedMembers } from './invite.js';
import { roundProgress, type RoundProgress } from './progress.js';
import { scheduledReminders, type ScheduledReminder } from './remind.js';
import { findNextRound, findRound, type Round } from './rounds.js';

export type RoundMail = { queued: number; sent: number; failed: number; outbox: number; recentErrors: Array<Omit<MailError, 'recipient'>> };

export type RoundDetails = {
  round: Round;
  progress: RoundProgress;
  mail: RoundMail;
  reminders: ScheduledReminder[];
  /** Active members the "send invitations" action would reach now. */
  uninvited: number;
  previousRoundId: number | null;
  nextRoundId: number | null;
};

/**
 * Everything the round page and GET /api/…/rounds/:id show. Delivery errors
 * leave out the recipient: a failed invitation's address next to a count of
 * answers narrows down who has answered.
 */
export async function roundDetails(db: Db, secretKey: string, network: Network, round: Round): Promise<RoundDetails> {
  const [progress, status, uninvited, next, previous, reminders] = await Promise.all([
    roundProgress(db, round.id),
    mailStatusForRound(db, secretKey, round.id),
    uninvitedMembers(db, network, round.id),
    findNextRound(db, round.id),
    round.previousRoundId === null ? null : findRound(db, network.id, round.previousRoundId),
    scheduledReminders(db, round),
  ]);
  const { recentErrors, queued, sent, failed, outbox } = status;
  return {
    round,
    progress,
    mail: { queued, sent, failed, outbox, recentErrors: recentErrors.map(({ recipient: _recipient, ...error }) => error) },
    reminders,
    uninvited: uninvited.length,
    previousRoundId: previous?.id ?? null,
    nextRoundId: next?.id ?? null,
  };
}
