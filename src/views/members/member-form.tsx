import { ORGANISATION_TYPES } from '../../db/schema/members.js';
import type { Language } from '../../db/schema/networks.js';
import { commonText } from '../../i18n/common.js';
import { memberText } from '../../i18n/members.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { SelectField } from './select-field.js';

export type MemberValues = { name?: unknown; email?: unknown; organisation?: unknown; organisationType?: unknown; language?: unknown };

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The member's details, filled from the roster or from a refused submission. */
export function MemberForm(props: { lang: Language; csrfToken: string; action: string; languages: readonly Language[]; values: MemberValues; errors: Record<string, string>; submit: string }) {
  const { lang, csrfToken, action, languages, values, errors, submit } = props;
  const t = memberText(lang);
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrfToken} />
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">
          {commonText(lang).checkForm}
        </p>
      )}
      <Field name="name" label={t.name} value={text(values.name)} error={errors.name} autocomplete="off" required />
      <Field name="email" type="email" label={t.email} value={text(values.email)} error={errors.email} autocomplete="off" required />
      <Field name="organisation" label={t.organisation} value={text(values.organisation)} error={errors.organisation} autocomplete="off" />
      <SelectField
        name="organisationType"
        label={t.organisationType}
        options={ORGANISATION_TYPES.map((type) => ({ value: type, label: t[`type_${type}`] }))}
        value={text(values.organisationType) ?? 'other'}
        error={errors.organisationType}
      />
      <SelectField
        name="language"
        label={t.language}
        hint={t.languageHint}
        options={languages.map((code) => ({ value: code, label: commonText(code).languageName }))}
        value={text(values.language) ?? languages[0]}
        error={errors.language}
      />
      <button type="submit">{submit}</button>
    </form>
  );
}
