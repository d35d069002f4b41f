import type { Context } from 'hono';
import type { Action } from '../../agenda/actions.js';
import type { FollowUpStep } from '../../agenda/follow-up.js';
import type { MembersChoice } from '../../agenda/members-choice.js';
import { MEASURES } from '../../catalogue/measures.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { agendaText } from '../../i18n/agenda.js';
import { titledMeasureLabel } from '../../i18n/measure-names.js';
import { fill } from '../../i18n/messages.js';
import { prioritisationText } from '../../i18n/prioritisation.js';
import { reportText } from '../../i18n/reports.js';
import { formats } from '../results/format.js';
import { AgendaShell, Notice } from './agenda-shell.js';
import { FollowUpList } from './follow-up-list.js';

export type AgendaEntry = { action: Action; roundTitle: string; steps: FollowUpStep[]; choice: MembersChoice | null };

/** Chooses one rule or area; a plain GET form, so the filtered list has its own address. */
function MeasureFilter({ lang, measure }: { lang: Language; measure: string | undefined }) {
  const t = agendaText(lang);
  return (
    <form method="get" class="agenda-filter">
      <label for="measure">{t.fieldMeasure}</label>
      <select id="measure" name="measure">
        <option value="">{t.allMeasures}</option>
        {MEASURES.map((m) => (
          <option value={m.id} selected={m.id === measure}>
            {titledMeasureLabel(m.id, lang)}
          </option>
        ))}
      </select>
      <button type="submit" class="button-secondary">
        {t.filter}
      </button>
    </form>
  );
}

/** Coordinators get an edit link; leaders only read. */
/** How the members placed the action in their choosing round. */
export function MembersChoiceLine({ lang, choice }: { lang: Language; choice: MembersChoice }) {
  const t = prioritisationText(lang);
  if (!choice.shown) return <p class="hint">{fill(t.chosenErased, { round: choice.round.title })}</p>;
  return <p class="hint">{fill(t.chosen, { place: choice.place, count: choice.count, share: formats(lang).percent(choice.choice.share), answered: choice.answered })}</p>;
}

function ActionItem({ lang, networkId, k, editable, entry }: { lang: Language; networkId: number; k: number; editable: boolean; entry: AgendaEntry }) {
  const t = agendaText(lang);
  const f = formats(lang);
  const { action } = entry;
  return (
    <li class="agenda-item">
      <p class="agenda-description">
        {action.description} <span class={`badge status-${action.status}`}>{t[`status_${action.status}`]}</span>
      </p>
      <dl class="facts">
        <dt>{t.fieldOwner}</dt>
        <dd>{action.owner || t.noOwner}</dd>
        <dt>{t.fieldDue}</dt>
        <dd>{action.dueOn ? f.date(action.dueOn) : t.noDue}</dd>
        <dt>{t.fieldRound}</dt>
        <dd>{entry.roundTitle}</dd>
      </dl>
      {entry.choice && <MembersChoiceLine lang={lang} choice={entry.choice} />}
      <FollowUpList steps={entry.steps} lang={lang} k={k} />
      {editable && (
        <p>
          <a href={`/networks/${networkId}/agenda/${action.id}/edit`}>
            {t.edit}
            <span class="visually-hidden">: {action.description.slice(0, 80)}</span>
          </a>
        </p>
      )}
    </li>
  );
}

/** The agenda grouped by rule or area, in the order of the ground rules. */
export function AgendaPage({ c, entries, measure, notice }: { c: Context<NetworkEnv>; entries: AgendaEntry[]; measure: string | undefined; notice?: string | undefined }) {
  const t = agendaText(c.var.lang);
  const base = `/networks/${c.var.network.id}/agenda`;
  const groups = MEASURES.map((m) => ({ measure: m.id, entries: entries.filter((e) => e.action.measure === m.id) })).filter((g) => g.entries.length > 0);
  return (
    <AgendaShell c={c} title={t.section_agenda}>
      <section class="card">
        <h1>{t.section_agenda}</h1>
        <Notice text={notice} />
        <p>{t.agendaIntro}</p>
        {c.var.role === 'coordinator' ? (
          <p class="actions">
            <a class="button" href={`${base}/new`}>
              {t.newAction}
            </a>
            <a class="button button-secondary" href={`${base}/candidates`}>
              {t.toCandidates}
            </a>
          </p>
        ) : (
          <p class="hint">{t.leaderNote}</p>
        )}
        <p class="actions">
          <a href={`${base}/export.csv`} download>
            {t.downloadCsv}
          </a>
          <a href={`/networks/${c.var.network.id}/report`}>{reportText(c.var.lang).viewReport}</a>
        </p>
        <MeasureFilter lang={c.var.lang} measure={measure} />
      </section>
      {groups.length === 0 && (
        <section class="card">
          <p>{measure ? t.noActionsForMeasure : t.noActions}</p>
        </section>
      )}
      {groups.map((group) => (
        <section class="card agenda-group">
          <h2>{titledMeasureLabel(group.measure, c.var.lang)}</h2>
          <ul class="agenda-list">
            {group.entries.map((entry) => (
              <ActionItem lang={c.var.lang} networkId={c.var.network.id} k={c.var.network.anonymityThreshold} editable={c.var.role === 'coordinator'} entry={entry} />
            ))}
          </ul>
        </section>
      ))}
    </AgendaShell>
  );
}
