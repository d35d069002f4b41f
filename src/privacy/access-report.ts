import { describeEvent } from '../audit/describe.js';
import type { Language } from '../db/schema/networks.js';
import { fill } from '../i18n/messages.js';
import { memberText } from '../i18n/members.js';
import { privacyText } from '../i18n/privacy.js';
import { formatDateTime } from '../mail/format-date.js';
import type { PersonalData } from './personal-data.js';

const heading = (title: string) => `${title}\n${'='.repeat(title.length)}`;

/**
 * The access request's answer as plain text in the person's language: it opens
 * anywhere, prints as it is, and a person reads it without a manual.
 */
export function accessReport(data: PersonalData, lang: Language, scope: { network: string } | 'instance', now: Date): string {
  const t = privacyText(lang);
  const m = memberText(lang);
  const when = (iso: string) => formatDateTime(new Date(iso), lang);
  const sections: string[] = [
    heading(fill(t.heading, { email: data.email })),
    `${fill(t.made, { date: when(now.toISOString()) })} ${scope === 'instance' ? t.scopeInstance : fill(t.scopeNetwork, { network: scope.network })}`,
  ];

  const account = data.account;
  sections.push(
    [
      heading(t.accountTitle),
      ...(account
        ? [
            `${t.name}: ${account.name}`,
            `${t.email}: ${account.email}`,
            `${m.language}: ${m[`language_${account.language}`]}`,
            `${t.createdAt}: ${when(account.createdAt)}`,
            ...(account.isAdmin ? [t.admin] : []),
            `${t.roles}:`,
            ...account.roles.map((role) => `- ${fill(t[`role_${role.role}`], { network: role.network })}`),
          ]
        : [t.noAccount]),
    ].join('\n'),
  );

  sections.push(
    [
      heading(t.rosterTitle),
      ...(data.roster.length === 0
        ? [t.noRoster]
        : data.roster.map((entry) =>
            [
              `${t.network}: ${entry.network}`,
              `${t.name}: ${entry.name}`,
              `${t.email}: ${entry.email}`,
              `${t.organisation}: ${entry.organisation}`,
              `${t.organisationType}: ${m[`type_${entry.organisationType}`]}`,
              `${t.answerLanguage}: ${m[`language_${entry.language}`]}`,
              `${t.status}: ${entry.active ? t.active : t.inactive}`,
              `${t.createdAt}: ${when(entry.createdAt)}`,
              `${t.updatedAt}: ${when(entry.updatedAt)}`,
              `${t.invitations}:${entry.invitations.length === 0 ? ` ${t.noInvitations}` : ''}`,
              ...entry.invitations.map((inv) => `- ${inv.sentAt ? fill(t.invitationSent, { round: inv.round, date: when(inv.sentAt) }) : fill(t.invitationWaiting, { round: inv.round })}`),
            ].join('\n'),
          )),
    ].join('\n\n'),
  );

  if (data.pendingInvitations.length > 0) {
    sections.push([heading(t.pendingTitle), ...data.pendingInvitations.map((inv) => `- ${fill(t.pending, { role: fill(t[`role_${inv.role}`], { network: inv.network }), date: when(inv.expiresAt) })}`)].join('\n'));
  }

  sections.push([heading(t.mailTitle), ...(data.keptMail.length === 0 ? [t.noMail] : data.keptMail.map((mail) => `- ${fill(t.mailLine, { date: when(mail.createdAt), subject: mail.subject, status: t[`mail_${mail.status as 'queued' | 'failed' | 'outbox'}`] ?? mail.status })}`))].join('\n'));

  sections.push(
    [heading(t.logTitle), ...(data.logMentions.length === 0 ? [t.noLog] : data.logMentions.map((event) => `- ${when(event.at)} (${event.network}): ${describeEvent(event, lang).text}`))].join('\n'),
  );

  sections.push([heading(t.responsesTitle), t.responses].join('\n'));
  return `${sections.join('\n\n')}\n`;
}
