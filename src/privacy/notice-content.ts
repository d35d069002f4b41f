import type { Language, PrivacyNoticeFields } from '../db/schema/networks.js';
import { formatDay } from '../i18n/answer-page.js';
import { fill } from '../i18n/messages.js';
import { noticeText } from '../i18n/privacy-notice.js';
import { helsinkiDay } from '../rounds/helsinki-time.js';

/** What the notice is filled from: the coordinator's parts and the network's own settings. */
export type NoticeSource = {
  networkName: string;
  fields: PrivacyNoticeFields;
  invitationRetentionDays: number;
  inactiveMemberRetentionMonths: number;
  /** Null: results are kept until a coordinator erases them. */
  resultRetentionMonths: number | null;
  anonymityThreshold: number;
};

/** Paragraphs, then a list, then what follows the list. */
export type NoticeSection = { heading: string; paragraphs: string[]; list?: string[]; closing?: string[] };
export type NoticeContent = { title: string; lines: string[]; sections: NoticeSection[]; dateLine: string };

/** Paragraphs as the coordinator typed them: a blank line starts a new one. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

const count = (n: number, one: string, other: string, values: Record<string, number>) => fill(n === 1 ? one : other, values);

/** The whole notice in one language, as sections of plain text; the views only lay it out. */
export function noticeContent(lang: Language, source: NoticeSource): NoticeContent {
  const t = noticeText(lang);
  const { fields } = source;
  const given = (value: string) => value.trim() || t.missing;
  const contact = fields.contactEmail.trim() ? `${given(fields.contactName)}, ${fields.contactEmail.trim()}` : given(fields.contactName);
  const sections: NoticeSection[] = [
    { heading: t.controllerHeading, paragraphs: [given(fields.controller)] },
    { heading: t.contactHeading, paragraphs: [contact] },
    ...(fields.protectionOfficer.trim() ? [{ heading: t.officerHeading, paragraphs: paragraphsOf(fields.protectionOfficer) }] : []),
    { heading: t.purposeHeading, paragraphs: [t.purpose] },
    { heading: t.basisHeading, paragraphs: [t.basis] },
    { heading: t.dataHeading, paragraphs: [], list: [t.dataRoster, t.dataAccounts, t.dataInvitations, t.dataMail, t.dataLog] },
    { heading: t.notStoredHeading, paragraphs: [fill(t.notStored, { k: source.anonymityThreshold }), t.notStoredDraft] },
    { heading: t.recipientsHeading, paragraphs: [], list: [t.recipientCoordinators, t.recipientLeaders, t.recipientOperator, t.recipientRelay], closing: [t.recipientsOther] },
    {
      heading: t.retentionHeading,
      paragraphs: [
        count(source.invitationRetentionDays, t.retentionInvitationsOne, t.retentionInvitationsOther, { days: source.invitationRetentionDays }),
        count(source.inactiveMemberRetentionMonths, t.retentionMembersOne, t.retentionMembersOther, { months: source.inactiveMemberRetentionMonths }),
        t.retentionAccounts,
        source.resultRetentionMonths === null
          ? t.retentionResponses
          : count(source.resultRetentionMonths, t.retentionResponsesOne, t.retentionResponsesOther, { months: source.resultRetentionMonths }),
      ],
    },
    { heading: t.rightsHeading, paragraphs: [t.rightsIntro], list: [t.rightAccess, t.rightRectify, t.rightErase, t.rightObject, t.rightComplain] },
    { heading: t.howHeading, paragraphs: [fill(t.how, { contact }), t.howAnswers] },
    ...(fields.additional.trim() ? [{ heading: t.additionalHeading, paragraphs: paragraphsOf(fields.additional) }] : []),
  ];
  const dateLine = fields.publishedAt ? fill(t.published, { date: formatDay(helsinkiDay(new Date(fields.publishedAt)), lang) }) : t.draft;
  return { title: t.title, lines: [fill(t.networkLine, { network: source.networkName }), t.lawLine], sections, dateLine };
}
