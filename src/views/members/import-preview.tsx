import type { Context } from 'hono';
import type { OrganisationType } from '../../db/schema/members.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { memberText } from '../../i18n/members.js';
import { fill } from '../../i18n/messages.js';
import type { Change, ImportPlan, PlannedRow } from '../../members/csv-plan.js';
import { rowProblemMessage } from '../../members/import-report.js';
import { CsrfField } from '../csrf-field.js';
import { MembersShell } from './members-shell.js';

type PreviewProps = { c: Context<NetworkEnv>; plan: ImportPlan; csv: string; refused: boolean };

function shown(lang: Language, change: Change, value: string): string {
  const t = memberText(lang);
  if (value === '') return t.emptyValue;
  if (change.field === 'organisationType') return t[`type_${value as OrganisationType}`];
  return value;
}

function PlannedLine({ lang, row }: { lang: Language; row: PlannedRow }) {
  const t = memberText(lang);
  return (
    <li>
      {fill(t.line, { line: row.line })}: <strong>{row.values.name}</strong> ({row.values.email}) <span class="badge">{t[`action_${row.action}`]}</span>
      {row.member && !row.member.active && <span class="badge">{t.staysInactive}</span>}
      {row.action === 'add' && (
        <span class="hint">
          {' · '}
          {[row.values.organisation, t[`type_${row.values.organisationType}`], t[`language_${row.values.language}`]].filter(Boolean).join(' · ')}
        </span>
      )}
      {row.changes.length > 0 && (
        <ul>
          {row.changes.map((change) => (
            <li>
              {t[change.field]}: {shown(lang, change, change.from)} → {shown(lang, change, change.to)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** What the import would do, line by line; the same text goes back on confirm and is checked again. */
export function ImportPreviewPage({ c, plan, csv, refused }: PreviewProps) {
  const t = memberText(c.var.lang);
  const languages = c.var.network.languages;
  const count = (action: PlannedRow['action']) => plan.rows.filter((row) => row.action === action).length;
  const nothingToDo = plan.bad.length === 0 && plan.rows.every((row) => row.action === 'unchanged');
  return (
    <MembersShell c={c} title={t.previewTitle}>
      <section class="card">
        <h1>{t.previewTitle}</h1>
        <p class="notice">{refused ? t.mustSkipOrFix : t.nothingSavedYet}</p>
        <dl class="facts">
          <dt>{t.count_add}</dt>
          <dd>{count('add')}</dd>
          <dt>{t.count_update}</dt>
          <dd>{count('update')}</dd>
          <dt>{t.count_unchanged}</dt>
          <dd>{count('unchanged')}</dd>
          <dt>{t.count_invalid}</dt>
          <dd>{plan.bad.length}</dd>
        </dl>
        {nothingToDo && <p class="notice-ok">{t.allUnchanged}</p>}
        {plan.bad.length > 0 && (
          <>
            <h2>{t.invalidRows}</h2>
            <ul class="link-list">
              {plan.bad.map((bad) => (
                <li>
                  {fill(t.line, { line: bad.line })}: {bad.problems.map((problem) => rowProblemMessage(problem, c.var.lang, languages)).join(' ')}
                </li>
              ))}
            </ul>
          </>
        )}
        <form method="post" action={`/networks/${c.var.network.id}/members/import`} enctype="multipart/form-data" class="actions">
          <CsrfField token={csrfTokenOf(c)} />
          <input type="hidden" name="csv" value={csv} />
          <input type="hidden" name="confirm" value="true" />
          {plan.bad.length > 0 && (
            <label class="check">
              <input type="checkbox" name="skipInvalid" value="true" /> {t.skipInvalid}
            </label>
          )}
          {!nothingToDo && <button type="submit">{t.confirm}</button>}
          <a href={`/networks/${c.var.network.id}/members/import`}>{t.chooseAnother}</a>
        </form>
        {plan.rows.length > 0 && (
          <ul class="link-list">
            {plan.rows.map((row) => (
              <PlannedLine lang={c.var.lang} row={row} />
            ))}
          </ul>
        )}
      </section>
    </MembersShell>
  );
}
