import type { Context } from 'hono';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { noticeEditorText } from '../../i18n/privacy-notice-editor.js';
import type { Network } from '../../networks/networks.js';
import { isPublished } from '../../privacy/notices.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import type { RoundDetails } from '../../rounds/round-details.js';
import type { Round } from '../../rounds/rounds.js';
import { CsrfField } from '../csrf-field.js';
import { statusLine } from './round-list.js';
import { MailStatus, ProgressView } from './round-progress.js';
import { Notices, RoundsShell, when } from './rounds-shell.js';
import { RoundRetention } from './round-retention.js';

type PageProps = { c: Context<NetworkEnv>; details: RoundDetails; notice?: string | undefined; error?: string | undefined };

/** What the parts of the round page share: the reader's language, the form token and the network. */
type PartProps = { lang: Language; csrfToken: string; network: Network };


/** A button that posts to one of the round's actions. */
function ActionButton({ csrfToken, networkId, round, action, label, secondary }: { csrfToken: string; networkId: number; round: Round; action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={`/networks/${networkId}/rounds/${round.id}/${action}`} class="inline">
      <CsrfField token={csrfToken} />
      <button type="submit" class={secondary ? 'button button-secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}

function Facts({ lang, network, details, questionnaire, versionLabel }: Omit<PartProps, 'csrfToken'> & { details: RoundDetails; questionnaire: string; versionLabel: string }) {
  const t = roundText(lang);
  const { round } = details;
  const reminders = details.reminders.map(({ daysBefore, dueAt, sentAt }) => {
    const planned = fill(t.reminderPlanned, { at: when(dueAt, lang), days: daysBefore });
    return sentAt ? fill(t.reminderSent, { planned, at: when(sentAt, lang) }) : planned;
  });
  const base = `/networks/${network.id}/rounds`;
  return (
    <dl class="facts">
      <dt>{t.questionnaire}</dt>
      <dd>{`${questionnaire}, ${fill(t.versionOption, { version: versionLabel })}`}</dd>
      <dt>{t.statusLabel}</dt>
      <dd>{statusLine(lang, round)}</dd>
      <dt>{t.reminderLabel}</dt>
      <dd>
        {reminders.length === 0 ? (
          t.reminderNone
        ) : (
          <ul class="plain">
            {reminders.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t.recurrenceLabel}</dt>
      <dd>{round.recurrenceMonths ? fill(t.recurrenceEvery, { months: round.recurrenceMonths }) : t.recurrenceNone}</dd>
      <RoundRetention lang={lang} network={network} round={round} />
      {details.previousRoundId && (
        <>
          <dt>{t.previousRound}</dt>
          <dd>
            <a href={`${base}/${details.previousRoundId}`}>{t.previousRound}</a>
          </dd>
        </>
      )}
      {details.nextRoundId && (
        <>
          <dt>{t.nextRound}</dt>
          <dd>
            <a href={`${base}/${details.nextRoundId}`}>{t.nextRound}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

function Invitations({ lang, csrfToken, network, details }: PartProps & { details: RoundDetails }) {
  const t = roundText(lang);
  const { round, uninvited, progress } = details;
  if (round.status === 'closed') return null;
  return (
    <section class="card">
      <h2>{t.invitationsTitle}</h2>
      <NoNoticeHint lang={lang} network={network} />
      {round.status === 'draft' ? (
        <p>{fill(t.inviteDraftInfo, { at: when(round.opensAt, lang) })}</p>
      ) : (
        <>
          <p>{uninvited > 0 ? fill(t.uninvitedCount, { count: uninvited }) : t.allInvited}</p>
          {uninvited > 0 && (
            <p class="actions">
              <a class="button" href={`/networks/${network.id}/rounds/${round.id}/confirm/invite`}>
                {t.inviteAll}
              </a>
              <a href={`/networks/${network.id}/rounds/${round.id}/invite`}>{t.chooseMembers}</a>
            </p>
          )}
          {progress.invited > progress.answered && (
            <>
              <p class="hint">{t.remindHint}</p>
              <p>
                <ActionButton csrfToken={csrfToken} networkId={network.id} round={round} action="remind" label={t.remindNow} secondary />
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Members' mail links to the privacy notice only once it is published; until then the coordinator is told so here. */
function NoNoticeHint({ lang, network }: { lang: Language; network: Network }) {
  if (isPublished(network.privacyNotice)) return null;
  const t = noticeEditorText(lang);
  return (
    <p class="hint">
      {t.roundNoNotice} <a href={`/networks/${network.id}/privacy/notice`}>{t.roundNoNoticeLink}</a>
    </p>
  );
}

export function RoundPage({ c, details, notice, error }: PageProps) {
  const { lang, network } = c.var;
  const t = roundText(lang);
  const { round } = details;
  const base = `/networks/${network.id}/rounds`;
  const parts = { lang, csrfToken: csrfTokenOf(c), network };
  const version = c.var.deps.catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  return (
    <RoundsShell c={c} title={round.title}>
      <section class="card">
        <p class="breadcrumb">
          <a href={base}>{t.rounds}</a>
        </p>
        <h1>
          {round.title} <span class="badge">{t[`status_${round.status}`]}</span>
        </h1>
        <Notices notice={notice} error={error} />
        <Facts lang={lang} network={network} details={details} questionnaire={version?.title[lang] ?? round.questionnaireKey} versionLabel={version?.label ?? String(round.questionnaireVersion)} />
        {round.status !== 'closed' && (
          <p class="actions">
            <a class="button button-secondary" href={`${base}/${round.id}/edit`}>
              {t.edit}
            </a>
            {round.status === 'draft' && <ActionButton csrfToken={parts.csrfToken} networkId={network.id} round={round} action="open" label={t.openNow} />}
            {round.status === 'draft' && <ActionButton csrfToken={parts.csrfToken} networkId={network.id} round={round} action="delete" label={t.deleteDraft} secondary />}
            {round.status === 'open' && (
              <a class="button button-secondary" href={`${base}/${round.id}/confirm/close`}>
                {t.closeNow}
              </a>
            )}
          </p>
        )}
        {round.status === 'open' && <p class="hint">{t.closeHint}</p>}
        {round.status === 'draft' && round.previousRoundId !== null && <p class="hint">{t.deleteSeriesHint}</p>}
      </section>
      <Invitations {...parts} details={details} />
      <ProgressView lang={lang} details={details} />
      <MailStatus lang={lang} csrfToken={parts.csrfToken} networkId={network.id} details={details} outboxMode={c.var.deps.mailer.mode === 'outbox'} />
    </RoundsShell>
  );
}
