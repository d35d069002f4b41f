import { eq } from 'drizzle-orm';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { invitations, members, networks, rounds } from '../db/schema/index.js';
import { hashToken, TOKEN_PATTERN } from '../accounts/tokens.js';
import { openDay } from './seal.js';

export type AnswerContext = {
  invitationId: number;
  used: boolean;
  answeredOn: string | null;
  memberLanguage: string;
  round: typeof rounds.$inferSelect;
  network: typeof networks.$inferSelect;
  version: QuestionnaireVersion;
};

export type LinkState = 'unknown' | 'not_open' | 'open' | 'answered' | 'closed';

/** What an answer link points at, found by the keyed hash of the token; null for an unknown or malformed link. */
export async function findAnswerContext(db: Db, catalogue: Catalogue, secretKey: string, token: string): Promise<AnswerContext | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({ invitation: invitations, round: rounds, network: networks, memberLanguage: members.language })
    .from(invitations)
    .innerJoin(rounds, eq(rounds.id, invitations.roundId))
    .innerJoin(networks, eq(networks.id, rounds.networkId))
    .innerJoin(members, eq(members.id, invitations.memberId))
    .where(eq(invitations.tokenHash, hashToken(secretKey, token)));
  const version = row && catalogue.find(row.round.questionnaireKey, row.round.questionnaireVersion);
  if (!row || !version) return null;
  return {
    invitationId: row.invitation.id,
    used: row.invitation.used,
    answeredOn: row.invitation.usedDaySealed ? openDay(token, row.invitation.usedDaySealed) : null,
    memberLanguage: row.memberLanguage,
    round: row.round,
    network: row.network,
    version,
  };
}

/** Used links say so first: a member who answered should not be told the round closed. */
export function linkState(context: AnswerContext | null, now: Date): LinkState {
  if (!context) return 'unknown';
  if (context.used) return 'answered';
  const iso = now.toISOString();
  if (context.round.status === 'closed' || iso >= context.round.closesAt) return 'closed';
  if (context.round.status !== 'open' || iso < context.round.opensAt) return 'not_open';
  return 'open';
}
