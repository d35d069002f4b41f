import { LANGUAGES, type Language } from '../../db/schema/networks.js';
import { commonText } from '../../i18n/common.js';
import { privacyText } from '../../i18n/privacy.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { SelectField } from '../members/select-field.js';

type Props = { lang: Language; csrfToken: string; action: string; intro: string; values?: { email?: string; language?: string }; errors?: Record<string, string> };

/** The address whose data is asked for, and the language the person reads. */
export function AccessRequestForm({ lang, csrfToken, action, intro, values = {}, errors = {} }: Props) {
  const t = privacyText(lang);
  const chosen: string = values.language || lang;
  return (
    <section class="card">
      <h1>{t.accessTitle}</h1>
      <p>{intro}</p>
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">
          {commonText(lang).checkForm}
        </p>
      )}
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <Field name="email" type="email" label={t.email} value={values.email} error={errors.email} />
        <SelectField name="language" label={t.language} options={LANGUAGES.map((code) => ({ value: code, label: commonText(code).languageName }))} value={chosen} error={errors.language} />
        <button type="submit">{t.download}</button>
      </form>
    </section>
  );
}
