import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { networks, type Language, type PrivacyNoticeFields } from '../db/schema/index.js';
import { DomainError } from '../http/errors.js';
import { noticeEditorText } from '../i18n/privacy-notice-editor.js';
import type { Network } from '../networks/networks.js';
import type { NoticeInput } from './notice-input.js';
import type { NoticeSource } from './notice-content.js';
import { recordAudit, type Actor } from '../audit/record.js';

export const EMPTY_NOTICE: PrivacyNoticeFields = { controller: '', contactName: '', contactEmail: '', protectionOfficer: '', additional: '', publishedAt: null };

/** Whether members are shown the notice and linked to it. */
export const isPublished = (notice: PrivacyNoticeFields | null | undefined): notice is PrivacyNoticeFields & { publishedAt: string } => Boolean(notice?.publishedAt);

export function noticeSource(network: Network, fields: PrivacyNoticeFields): NoticeSource {
  return {
    networkName: network.name,
    fields,
    invitationRetentionDays: network.invitationRetentionDays,
    inactiveMemberRetentionMonths: network.inactiveMemberRetentionMonths,
    resultRetentionMonths: network.resultRetentionMonths,
    anonymityThreshold: network.anonymityThreshold,
  };
}

/**
 * Saves the coordinator's parts as a draft or publishes them. The network
 * keeps one copy of the notice, so a published notice is never taken back to
 * a draft: members may already hold the link. An edit after publishing is
 * published at once with a new date, so the date always tells when the text
 * members read last changed.
 */
export async function saveNotice(db: Db, clock: Clock, network: Network, input: NoticeInput, lang: Language, actor: Actor): Promise<PrivacyNoticeFields> {
  const publish = input.intent === 'publish';
  if (!publish && isPublished(network.privacyNotice)) throw new DomainError(noticeEditorText(lang).alreadyPublished, 409);
  const { intent: _intent, ...parts } = input;
  const notice: PrivacyNoticeFields = { ...parts, publishedAt: publish ? clock.now().toISOString() : null };
  await db.transaction(async (tx) => {
    await tx.update(networks).set({ privacyNotice: notice }).where(eq(networks.id, network.id));
    if (publish) await recordAudit(tx, { networkId: network.id, actor, at: clock.now(), action: 'privacy_notice_published', details: {} });
  });
  return notice;
}

/** The network and its notice, if published; null otherwise, whether the network exists or not. */
export async function publishedNotice(db: Db, networkId: number): Promise<{ network: Network; notice: PrivacyNoticeFields } | null> {
  const [network] = await db.select().from(networks).where(eq(networks.id, networkId));
  return network && isPublished(network.privacyNotice) ? { network, notice: network.privacyNotice } : null;
}
