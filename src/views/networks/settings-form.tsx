import { BAND_BASES, LANGUAGES, type Language } from '../../db/schema/networks.js';
import { commonText } from '../../i18n/common.js';
import { networkText } from '../../i18n/networks.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';

type Values = { name?: unknown; languages?: unknown; defaultLanguage?: unknown; anonymityThreshold?: unknown; openAnswerThreshold?: unknown; collectSegments?: unknown; bandStrength?: unknown; bandConcern?: unknown; bandBasis?: unknown; favourableStrength?: unknown; favourableConcern?: unknown; invitationRetentionDays?: unknown; inactiveMemberRetentionMonths?: unknown; resultRetentionMonths?: unknown };

const text = (value: unknown, fallback = '') => (value === undefined || value === null ? fallback : String(value));

/** The network settings form, filled from saved settings or from a refused submission. */
export function SettingsForm({ lang, csrfToken, action, values, errors }: { lang: Language; csrfToken: string; action: string; values: Values; errors: Record<string, string> }) {
  const t = networkText(lang);
  const chosen = Array.isArray(values.languages) ? values.languages.map(String) : values.languages ? [String(values.languages)] : [];
  // Saved settings carry the default first in their list; a refused submission carries the choice itself.
  const preferred = typeof values.defaultLanguage === 'string' ? values.defaultLanguage : (chosen[0] ?? lang);
  const segments = values.collectSegments === true || values.collectSegments === 'on';
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrfToken} />
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">
          {commonText(lang).checkForm}
        </p>
      )}
      <Field name="name" label={t.name} value={text(values.name)} error={errors.name} />
      <fieldset class={errors.languages ? 'field has-error' : 'field'} aria-describedby="languages-hint">
        <legend>{t.languages}</legend>
        <p class="hint" id="languages-hint">
          {t.languagesHint}
        </p>
        {LANGUAGES.map((code) => (
          <label class="check">
            <input type="checkbox" name="languages" value={code} checked={chosen.includes(code)} /> {commonText(code).languageName}
          </label>
        ))}
        {errors.languages && <p class="field-error">{errors.languages}</p>}
      </fieldset>
      <fieldset class={errors.defaultLanguage ? 'field has-error' : 'field'} aria-describedby="defaultLanguage-hint">
        <legend>{t.defaultLanguage}</legend>
        <p class="hint" id="defaultLanguage-hint">
          {t.defaultLanguageHint}
        </p>
        {LANGUAGES.map((code) => (
          <label class="check">
            <input type="radio" name="defaultLanguage" value={code} checked={code === preferred} /> {commonText(code).languageName}
          </label>
        ))}
        {errors.defaultLanguage && <p class="field-error">{errors.defaultLanguage}</p>}
      </fieldset>
      <Field name="anonymityThreshold" type="number" label={t.threshold} hint={t.thresholdHint} value={text(values.anonymityThreshold, '5')} error={errors.anonymityThreshold} />
      <Field name="openAnswerThreshold" type="number" label={t.openThreshold} hint={t.openThresholdHint} value={text(values.openAnswerThreshold, '')} error={errors.openAnswerThreshold} />
      <div class="field">
        <label class="check">
          <input type="checkbox" name="collectSegments" checked={segments} aria-describedby="segments-hint" /> {t.collectSegments}
        </label>
        <p class="hint" id="segments-hint">
          {t.collectSegmentsHint}
        </p>
      </div>
      <p class="hint">{t.bandsHint}</p>
      <Field name="bandStrength" type="number" label={t.bandStrength} step="0.1" value={text(values.bandStrength, '4')} error={errors.bandStrength} />
      <Field name="bandConcern" type="number" label={t.bandConcern} step="0.1" value={text(values.bandConcern, '3')} error={errors.bandConcern} />
      <fieldset class="field">
        <legend>{t.bandBasis}</legend>
        {BAND_BASES.map((basis) => (
          <label class="check">
            <input type="radio" name="bandBasis" value={basis} checked={text(values.bandBasis, 'mean') === basis} /> {t[`bandBasis_${basis}`]}
          </label>
        ))}
        {errors.bandBasis && <p class="field-error">{errors.bandBasis}</p>}
      </fieldset>
      <p class="hint">{t.favourableHint}</p>
      <Field name="favourableStrength" type="number" label={t.favourableStrength} value={text(values.favourableStrength, '70')} error={errors.favourableStrength} />
      <Field name="favourableConcern" type="number" label={t.favourableConcern} value={text(values.favourableConcern, '50')} error={errors.favourableConcern} />
      <p class="hint">{t.retentionHint}</p>
      <Field name="invitationRetentionDays" type="number" label={t.invitationRetentionDays} value={text(values.invitationRetentionDays, '30')} error={errors.invitationRetentionDays} />
      <Field name="inactiveMemberRetentionMonths" type="number" label={t.inactiveMemberRetentionMonths} value={text(values.inactiveMemberRetentionMonths, '12')} error={errors.inactiveMemberRetentionMonths} />
      <Field name="resultRetentionMonths" type="number" label={t.resultRetentionMonths} hint={t.resultRetentionHint} value={text(values.resultRetentionMonths)} error={errors.resultRetentionMonths} />
      <button type="submit">{t.save}</button>
    </form>
  );
}
