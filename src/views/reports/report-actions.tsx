import type { Action } from '../../agenda/actions.js';
import { MEASURES } from '../../catalogue/measures.js';
import type { Language } from '../../db/schema/networks.js';
import { agendaText } from '../../i18n/agenda.js';
import { fill } from '../../i18n/messages.js';
import { prioritisationText } from '../../i18n/prioritisation.js';
import { reportText } from '../../i18n/reports.js';
import { DataTable } from '../results/figure-parts.js';
import { formats } from '../results/format.js';
import { measureLabel } from '../results/labels.js';
import { ReportSection } from './report-section.js';

/** The renewal agenda with each action's status, as leadership follows it. */
export function ReportActions({ lang, actions, chosenTogether }: { lang: Language; actions: Action[]; chosenTogether: Array<{ round: string; answered: number }> }) {
  const [t, a, f] = [reportText(lang), agendaText(lang), formats(lang)];
  // In the order of the ground rules, not of their keys ("rule:10" before "rule:2").
  const order = (action: Action) => MEASURES.findIndex((m) => m.id === action.measure);
  const sorted = [...actions].sort((x, y) => order(x) - order(y));
  return (
    <ReportSection figures={actions.length > 0} class="report-actions">
      <h2>{t.actionsTitle}</h2>
      {chosenTogether.map((entry) => (
        <p>{fill(prioritisationText(lang).together, entry)}</p>
      ))}
      {actions.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        <DataTable
          caption={t.actionsTitle}
          head={[t.colMeasure, t.colAction, a.fieldOwner, a.fieldDue, a.fieldStatus]}
          words={[1, 2, 3, 4]}
          rows={sorted.map((action) => [
            measureLabel(action.measure, lang),
            action.description,
            action.owner || '–',
            action.dueOn ? f.date(action.dueOn) : '–',
            <span class={`badge status-${action.status}`}>{a[`status_${action.status}`]}</span>,
          ])}
        />
      )}
    </ReportSection>
  );
}
