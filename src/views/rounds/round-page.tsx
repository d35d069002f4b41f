import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { noticeEditorText } from '../../i18n/privacy-notice-editor.js';
import { isPublished } from '../../privacy/notices.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import type { RoundDetails } from '../../rounds/round-details.js';
import type { Round } from '../../rounds/rounds.js';
import { CsrfField } from '../csrf-field.js';
import { statusLine } from './round-list.js';
import { MailStatus, ProgressView } from './round-progress.js';
import { Notices, RoundsShell, when } from './rounds-shell.js';
import { erasureText } from '../../i18n/erasure.js';
import { invitationsErasedOn } from '../../retention/retention.js';

type PageProps = { c: Context<NetworkEnv>; details: RoundDetails; notice?: string | undefined; error?: string | undefined };


/** A button that posts to one of the round's actions. */
function ActionButton({ c, round, action, label, secondary }: { c: Context<NetworkEnv>; round: Round; action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={`/networks/${c.var.network.id}/rounds/${round.id}/${action}`} class="inline">
      <CsrfField token={csrfTokenOf(c)} />
      <button type="submit" class={secondary ? 'button button-secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}

/** What retention erases of the round, and when: counted from its actual closing. */
function retentionLine(c: Context<NetworkEnv>, round: RoundDetails['round']): string {
  const t = erasureText(c.var.lang);
  if (round.invitationsErasedAt) return fill(t.retentionRoundDone, { date: when(round.invitationsErasedAt, c) });
  const on = invitationsErasedOn(round, c.var.network);
  return on ? fill(t.retentionRound, { date: when(on.toISOString(), c) }) : fill(t.retentionRoundLater, { days: c.var.network.invitationRetentionDays });
}

function Facts({ c, details }: { c: Context<NetworkEnv>; details: RoundDetails }) {
  const t = roundText(c.var.lang);
  const { round } = details;
  const version = c.var.deps.catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  const reminders = details.reminders.map(({ daysBefore, dueAt, sentAt }) => {
    const planned = fill(t.reminderPlanned, { at: when(dueAt, c), days: daysBefore });
    return sentAt ? fill(t.reminderSent, { planned, at: when(sentAt, c) }) : planned;
  });
  const base = `/networks/${c.var.network.id}/rounds`;
  return (
    <dl class="facts">
      <dt>{t.questionnaire}</dt>
      <dd>{`${version?.title[c.var.lang] ?? round.questionnaireKey}, ${fill(t.versionOption, { version: round.questionnaireVersion })}`}</dd>
      <dt>{t.statusLabel}</dt>
      <dd>{statusLine(c, round)}</dd>
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
      <dt>{erasureText(c.var.lang).retentionTitle}</dt>
      <dd>{retentionLine(c, round)}</dd>
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

function Invitations({ c, details }: { c: Context<NetworkEnv>; details: RoundDetails }) {
  const t = roundText(c.var.lang);
  const { round, uninvited, progress } = details;
  if (round.status === 'closed') return null;
  return (
    <section class="card">
      <h2>{t.invitationsTitle}</h2>
      <NoNoticeHint c={c} />
      {round.status === 'draft' ? (
        <p>{fill(t.inviteDraftInfo, { at: when(round.opensAt, c) })}</p>
      ) : (
        <>
          <p>{uninvited > 0 ? fill(t.uninvitedCount, { count: uninvited }) : t.allInvited}</p>
          {uninvited > 0 && (
            <p class="actions">
              <a class="button" href={`/networks/${c.var.network.id}/rounds/${round.id}/confirm/invite`}>
                {t.inviteAll}
              </a>
              <a href={`/networks/${c.var.network.id}/rounds/${round.id}/invite`}>{t.chooseMembers}</a>
            </p>
          )}
          {progress.invited > progress.answered && (
            <>
              <p class="hint">{t.remindHint}</p>
              <p>
                <ActionButton c={c} round={round} action="remind" label={t.remindNow} secondary />
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Members' mail links to the privacy notice only once it is published; until then the coordinator is told so here. */
function NoNoticeHint({ c }: { c: Context<NetworkEnv> }) {
  if (isPublished(c.var.network.privacyNotice)) return null;
  const t = noticeEditorText(c.var.lang);
  return (
    <p class="hint">
      {t.roundNoNotice} <a href={`/networks/${c.var.network.id}/privacy/notice`}>{t.roundNoNoticeLink}</a>
    </p>
  );
}

export function RoundPage({ c, details, notice, error }: PageProps) {
  const t = roundText(c.var.lang);
  const { round } = details;
  const base = `/networks/${c.var.network.id}/rounds`;
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
        <Facts c={c} details={details} />
        {round.status !== 'closed' && (
          <p class="actions">
            <a class="button button-secondary" href={`${base}/${round.id}/edit`}>
              {t.edit}
            </a>
            {round.status === 'draft' && <ActionButton c={c} round={round} action="open" label={t.openNow} />}
            {round.status === 'draft' && <ActionButton c={c} round={round} action="delete" label={t.deleteDraft} secondary />}
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
      <Invitations c={c} details={details} />
      <ProgressView c={c} details={details} />
      <MailStatus c={c} details={details} />
    </RoundsShell>
  );
}
