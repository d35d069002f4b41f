import type { Language } from '../db/schema/networks.js';
import type { Network } from '../networks/networks.js';
import { digestRecipients } from './recipients.js';
import { onRoundClosed, sendDigest, type DigestDeps } from './send-digest.js';

export type DigestRequest = { extraRecipients: string[]; lang: Language; requestedBy: { userId: number; email: string } };

/**
 * A digest asked for by a coordinator, from the reports page or the API.
 * Returns how many will get it (0: nobody to send to, and nothing is sent);
 * drawing the charts and talking to SMTP happen after the caller has answered.
 */
export async function requestDigest(deps: DigestDeps, network: Network, request: DigestRequest): Promise<number> {
  const recipients = await digestRecipients(deps.db, network.id, request.extraRecipients, request.lang);
  if (recipients.length === 0) return 0;
  deps.background.run('digest', () => sendDigest(deps, network, request));
  return recipients.length;
}

/** After a coordinator closed a round: the leaders' digest is composed and queued after the answer. */
export function digestAfterClosing(deps: DigestDeps, roundId: number): void {
  deps.background.run('digest after closing a round', () => onRoundClosed(deps, roundId));
}
