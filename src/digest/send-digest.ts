import { eq } from 'drizzle-orm';
import { networks, rounds } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import type { AppDeps } from '../http/env.js';
import { digestText } from '../i18n/digest.js';
import { fill } from '../i18n/messages.js';
import type { Network } from '../networks/networks.js';
import { buildReport } from '../reports/report.js';
import { createReportLink } from '../reports/report-links.js';
import { roundResults } from '../results/round-results.js';
import { composeDigest, type ComposedDigest } from './compose-digest.js';
import { queueDigest, type DeliveryResult } from './deliver-digest.js';
import { deliverSoon } from '../mail/deliver-soon.js';
import { formatDay } from './format.js';
import { digestRecipients, firstCoordinator } from './recipients.js';
import { helsinkiDay } from '../rounds/helsinki-time.js';

export type DigestDeps = Pick<AppDeps, 'db' | 'catalogue' | 'clock' | 'log' | 'mailer' | 'baseUrl' | 'secretKey' | 'background' | 'metrics'>;

export type DigestOptions = {
  extraRecipients?: readonly string[] | undefined;
  /** The language of the extra recipients; the network's first language if not given. Leaders get their own. */
  lang?: Language | undefined;
  /** Only this questionnaire, e.g. the one whose round just closed; all of the network's otherwise. */
  questionnaireKey?: string | undefined;
  /** The coordinator who asked for it: replies go to them and the report link is theirs. */
  requestedBy?: { userId: number; email: string } | undefined;
};

export type DigestOutcome = { recipients: number } & Record<DeliveryResult, number>;

/** Long enough to read the digest and come back to the report before the next round. */
const LINK_VALID_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * Queues the digest to the network's leaders and the extra addresses and
 * starts delivering it.
 * One report link is made per send and every recipient's mail carries it, so
 * a coordinator can revoke one digest's access in one place.
 */
export async function sendDigest(deps: DigestDeps, network: Network, options: DigestOptions = {}): Promise<DigestOutcome> {
  const { db, clock } = deps;
  const networkLang = network.languages[0] ?? 'fi';
  const recipients = await digestRecipients(db, network.id, options.extraRecipients ?? [], options.lang ?? networkLang);
  const outcome: DigestOutcome = { recipients: recipients.length, queued: 0, inOutbox: 0 };
  if (recipients.length === 0) return outcome;
  const sender = options.requestedBy ?? (await firstCoordinator(db, network.id));
  if (!sender) throw new Error(`network ${network.id} has no coordinator`);

  const full = await buildReport(db, deps.catalogue, network, null);
  const report = options.questionnaireKey ? { ...full, questionnaires: full.questionnaires.filter((q) => q.questionnaireKey === options.questionnaireKey) } : full;
  const now = clock.now();
  const expiresOn = helsinkiDay(new Date(now.getTime() + LINK_VALID_DAYS * DAY_MS));
  const label = fill(digestText(networkLang).linkLabel, { date: formatDay(now.toISOString(), networkLang) });
  const { token } = await createReportLink(db, clock, deps.secretKey, network.id, sender.userId, { label, expiresOn, roundIds: null });
  const reportUrl = `${deps.baseUrl}/r/${token}`;

  // Charts are drawn once per language, not once per recipient.
  const composed = new Map<Language, Promise<ComposedDigest>>();
  for (const { email, lang } of recipients) {
    if (!composed.has(lang)) composed.set(lang, composeDigest({ report, lang, reportUrl, networkName: network.name, reportExpiresOn: expiresOn }));
    const digest = await composed.get(lang)!;
    outcome[await queueDigest(deps, { networkId: network.id, networkName: network.name, to: email, replyTo: sender.email, digest })]++;
  }
  deliverSoon(deps);
  deps.log.info('digest queued', { networkId: network.id, ...outcome });
  return outcome;
}

/**
 * Call once after a round has been closed. Sends that questionnaire's digest
 * to the leaders when the round has figures (at least k responses). Never
 * throws: a failed digest must not undo or disturb the closing; it is logged,
 * and a coordinator can send the digest again on demand.
 * Returns what was queued, or null when nothing was due or it failed.
 */
export async function onRoundClosed(deps: DigestDeps, roundId: number): Promise<DigestOutcome | null> {
  try {
    const [row] = await deps.db.select({ round: rounds, network: networks }).from(rounds).innerJoin(networks, eq(networks.id, rounds.networkId)).where(eq(rounds.id, roundId));
    if (!row || row.round.status !== 'closed') return null;
    const results = await roundResults(deps.db, deps.catalogue, row.network, row.round);
    if (results.withheld) return null;
    const outcome = await sendDigest(deps, row.network, { questionnaireKey: row.round.questionnaireKey });
    return outcome.recipients > 0 ? outcome : null;
  } catch (error) {
    deps.log.error('digest after closing a round failed', { roundId, error: String(error) });
    return null;
  }
}
