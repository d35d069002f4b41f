import type { Language } from '../db/schema/networks.js';
import { commonText } from '../i18n/common.js';
import { mailText } from '../i18n/mail.js';
import { fill } from '../i18n/messages.js';
import { formatDateTime } from './format-date.js';
import { renderMail, type ComposedMail } from './templates/render.js';

export type { ComposedMail } from './templates/render.js';

export type SurveyMailInput = {
  lang: Language;
  networkName: string;
  coordinatorName: string;
  roundTitle: string;
  /** The member's personal, single-use answering link. */
  link: string;
  closesAt: Date;
  estimatedMinutes: number;
  anonymityThreshold: number;
  /** The network's published privacy notice in the member's language; none (null) while it has not published one. */
  privacyNoticeLink?: string | null;
};

export type PasswordResetInput = { lang: Language; name: string; link: string; validHours: number };

export type AccountInviteInput = {
  lang: Language;
  networkName: string;
  inviterName: string;
  role: 'coordinator' | 'leader';
  link: string;
  validDays: number;
};

/** Picks the sentence for one or for many; Finnish, Swedish and English all inflect only these two ways. */
function plural(count: number, one: string, other: string, values: Record<string, string | number>): string {
  return fill(count === 1 ? one : other, values);
}

/** The parts an invitation and a reminder share: time needed, closing time, anonymity, personal link. */
function surveyMail(input: SurveyMailInput, subject: string, intro: string, extraOutro: string[]): Promise<ComposedMail> {
  const t = mailText(input.lang);
  const names = { networkName: input.networkName, coordinatorName: input.coordinatorName, roundTitle: input.roundTitle };
  const closesAt = formatDateTime(input.closesAt, input.lang);
  return renderMail({
    lang: input.lang,
    subject: fill(subject, names),
    heading: input.networkName,
    greeting: t.greeting,
    intro: [fill(intro, names), plural(input.estimatedMinutes, t.surveyTimeOne, t.surveyTimeOther, { minutes: input.estimatedMinutes, closesAt })],
    action: { lead: t.surveyLead, label: t.surveyButton, link: input.link },
    outro: [fill(t.anonymity, { k: input.anonymityThreshold }), t.personalLink, ...extraOutro],
    aside: input.privacyNoticeLink ? { lead: t.privacyNoticeLead, label: t.privacyNoticeLabel, link: input.privacyNoticeLink } : undefined,
    signature: [t.thanks, input.coordinatorName, input.networkName],
  });
}

export function invitationMail(input: SurveyMailInput): Promise<ComposedMail> {
  const t = mailText(input.lang);
  return surveyMail(input, t.invitationSubject, t.invitationIntro, []);
}

export function reminderMail(input: SurveyMailInput): Promise<ComposedMail> {
  const t = mailText(input.lang);
  return surveyMail(input, t.reminderSubject, t.reminderIntro, [t.reminderAlreadyAnswered]);
}

export function passwordResetMail(input: PasswordResetInput): Promise<ComposedMail> {
  const t = mailText(input.lang);
  return renderMail({
    lang: input.lang,
    subject: t.resetSubject,
    heading: commonText(input.lang).productName,
    greeting: fill(t.greetingNamed, { name: input.name }),
    intro: [t.resetIntro],
    action: { lead: t.resetLead, label: t.resetButton, link: input.link },
    outro: [plural(input.validHours, t.resetValidOne, t.resetValidOther, { hours: input.validHours }), t.resetIgnore],
    signature: [commonText(input.lang).productName],
  });
}

export function accountInviteMail(input: AccountInviteInput): Promise<ComposedMail> {
  const t = mailText(input.lang);
  const names = { networkName: input.networkName, inviterName: input.inviterName };
  return renderMail({
    lang: input.lang,
    subject: fill(t.accountSubject, names),
    heading: input.networkName,
    greeting: t.greeting,
    intro: [fill(input.role === 'coordinator' ? t.accountIntroCoordinator : t.accountIntroLeader, names), fill(t.networkLine, names)],
    action: { lead: t.accountLead, label: t.accountButton, link: input.link },
    outro: [plural(input.validDays, t.accountValidOne, t.accountValidOther, { days: input.validDays }), t.accountIgnore],
    signature: [input.inviterName, input.networkName],
  });
}
