import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Round } from '../results/round-results.js';
import { findNetworkRound } from '../results/find-round.js';
import { networkAudit, roundPeriod, type AuditPage } from './read.js';

/** The log narrowed to one round: its title and the period whose changes bear on it. */
export type RoundFilter = { id: number; title: string; from: string; until: string };
export type AuditLog = { log: AuditPage; round: RoundFilter | null };

type Deps = { db: Db; clock: Clock };

const pageNumber = (value: string | undefined) => {
  const page = Number(value ?? '1');
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
};

/** The events bearing on the round, newest first, one page of `pageSize`. */
export async function roundAudit({ db, clock }: Deps, round: Round, page: number, pageSize?: number): Promise<AuditLog> {
  const period = roundPeriod(round, clock.now());
  const log = await networkAudit(db, round.networkId, { page, ...(pageSize ? { pageSize } : {}), period });
  return { log, round: { id: round.id, title: round.title, from: period.from, until: period.until } };
}

/** The log as the page and the API ask for it (?page=, ?round=); null when the round is not one of the network's. */
export async function auditLog(deps: Deps, networkId: number, query: { page?: string | undefined; round?: string | undefined }): Promise<AuditLog | null> {
  const page = pageNumber(query.page);
  if (query.round === undefined) return { log: await networkAudit(deps.db, networkId, { page }), round: null };
  const round = await findNetworkRound(deps.db, networkId, query.round);
  return round ? roundAudit(deps, round, page) : null;
}
