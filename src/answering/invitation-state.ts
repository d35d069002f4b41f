import { and, eq, sql } from 'drizzle-orm';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { answerReceipts, invitations, members, networks, rounds } from '../db/schema/index.js';
import { hashToken, TOKEN_PATTERN } from '../accounts/tokens.js';
import { receiptNullifier } from './receipts.js';
import { openDay } from './seal.js';

// Only what the answer page and the submission need: the lookup runs on every answer request.
const answerLookup = {
  invitation: { id: invitations.id },
  answeredDaySealed: answerReceipts.answeredDaySealed,
  round: {
    id: rounds.id,
    title: rounds.title,
    titleTranslations: rounds.titleTranslations,
    status: rounds.status,
    opensAt: rounds.opensAt,
    closesAt: rounds.closesAt,
    closedAt: rounds.closedAt,
    collectSegments: rounds.collectSegments,
    anonymityThreshold: rounds.anonymityThreshold,
    questionnaireKey: rounds.questionnaireKey,
    questionnaireVersion: rounds.questionnaireVersion,
  },
  network: { id: networks.id, name: networks.name, languages: networks.languages, anonymityThreshold: networks.anonymityThreshold, privacyNotice: networks.privacyNotice },
  memberLanguage: members.language,
};

function prepareLookup(db: Db) {
  return db
    .select(answerLookup)
    .from(invitations)
    .innerJoin(rounds, eq(rounds.id, invitations.roundId))
    .innerJoin(networks, eq(networks.id, rounds.networkId))
    .innerJoin(members, eq(members.id, invitations.memberId))
    .leftJoin(answerReceipts, and(eq(answerReceipts.nullifier, sql.placeholder('nullifier')), eq(answerReceipts.roundId, rounds.id)))
    .where(eq(invitations.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
}

// Built once per database: building the query text costs more than running it.
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

type LookupRow = NonNullable<Awaited<ReturnType<ReturnType<typeof prepareLookup>['get']>>>;

export type AnswerContext = {
  invitationId: number;
  /** The keyed hash of the link that the answer's receipt is stored under. */
  nullifier: string;
  used: boolean;
  answeredOn: string | null;
  memberLanguage: string;
  round: LookupRow['round'];
  network: LookupRow['network'];
  version: QuestionnaireVersion;
};

export type LinkState = 'unknown' | 'not_open' | 'open' | 'answered' | 'closed';

/** What an answer link points at, found by the keyed hash of the token; null for an unknown or malformed link. */
export async function findAnswerContext(db: Db, catalogue: Catalogue, secretKey: string, token: string): Promise<AnswerContext | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const nullifier = receiptNullifier(secretKey, token);
  const row = await lookup.get({ tokenHash: hashToken(secretKey, token), nullifier });
  const version = row && catalogue.find(row.round.questionnaireKey, row.round.questionnaireVersion);
  if (!row || !version) return null;
  return {
    invitationId: row.invitation.id,
    nullifier,
    used: row.answeredDaySealed !== null,
    answeredOn: row.answeredDaySealed ? openDay(token, row.answeredDaySealed) : null,
    memberLanguage: row.memberLanguage,
    round: row.round,
    network: row.network,
    version,
  };
}

/**
 * Used links say so first: a member who answered should not be told the round closed.
 * The status alone decides whether a round has opened: a round opened by hand before its
 * planned opening time is open, and the scheduler opens a draft when its time comes.
 */
export function linkState(context: AnswerContext | null, now: Date): LinkState {
  if (!context) return 'unknown';
  if (context.used) return 'answered';
  if (context.round.status === 'closed' || now.toISOString() >= context.round.closesAt) return 'closed';
  if (context.round.status !== 'open') return 'not_open';
  return 'open';
}
