import { MEASURES } from '../../catalogue/measures.js';
import { ACTION_STATUSES } from '../../db/schema/index.js';
import type { Language } from '../../db/schema/networks.js';
import { agendaText } from '../../i18n/agenda.js';
import { titledMeasureLabel } from '../../i18n/measure-names.js';
import { commonText } from '../../i18n/common.js';
import type { Round } from '../../results/round-results.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { SelectField } from '../members/select-field.js';

export type ActionFormProps = {
  lang: Language;
  csrfToken: string;
  action: string;
  submitLabel: string;
  /** The network's closed rounds, the latest first. */
  rounds: Round[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
};

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function DescriptionField({ label, value, error }: { label: string; value: string; error: string | undefined }) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="description">{label}</label>
      <textarea id="description" name="description" rows={4} maxlength={2000} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'description-error' : undefined}>
        {value}
      </textarea>
      {error && (
        <p class="field-error" id="description-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** One action's fields; the same form creates, edits and takes an accepted proposal. */
export function ActionForm({ lang, csrfToken, action, submitLabel, rounds, values, errors }: ActionFormProps) {
  const t = agendaText(lang);
  return (
    <form method="post" action={action} novalidate>
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">
          {commonText(lang).checkForm}
        </p>
      )}
      <CsrfField token={csrfToken} />
      {values.chosenInRoundId ? (
        <>
          <input type="hidden" name="chosenInRoundId" value={text(values.chosenInRoundId)} />
          <input type="hidden" name="choiceValue" value={text(values.choiceValue)} />
        </>
      ) : null}
      <SelectField name="roundId" label={t.fieldRound} value={text(values.roundId)} error={errors.roundId} options={rounds.map((round) => ({ value: String(round.id), label: round.title }))} />
      <SelectField
        name="measure"
        label={t.fieldMeasure}
        value={text(values.measure)}
        error={errors.measure}
        options={[{ value: '', label: '–' }, ...MEASURES.map((m) => ({ value: m.id, label: titledMeasureLabel(m.id, lang) }))]}
      />
      <DescriptionField label={t.fieldDescription} value={text(values.description)} error={errors.description} />
      <Field name="owner" label={t.fieldOwner} hint={t.ownerHint} value={text(values.owner)} error={errors.owner} />
      <Field name="dueOn" type="date" label={t.fieldDue} hint={t.dueHint} value={text(values.dueOn)} error={errors.dueOn} />
      <SelectField name="status" label={t.fieldStatus} value={text(values.status) || 'planned'} error={errors.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: t[`status_${s}`] }))} />
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
