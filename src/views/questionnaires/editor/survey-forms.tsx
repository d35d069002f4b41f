import { kindOf, questionsOf, type Json } from '../../../catalogue/draft-json.js';
import { LANGUAGES } from '../../../db/schema/networks.js';
import { commonText } from '../../../i18n/common.js';
import { editorText } from '../../../i18n/editor.js';
import { fill } from '../../../i18n/messages.js';
import { EditorForm } from './editor-form.js';
import { failureOf, type FormProps } from './editor-props.js';
import { LocalizedFields } from './localized-fields.js';

type Props = FormProps & { json: Json; action: string };

/** The questionnaire's title and description. */
export function SurveyTextsForm({ json, action, lang, csrf, languages, failure }: Props) {
  const t = editorText(lang);
  const own = failureOf(failure, 'survey-texts');
  return (
    <section class="card" id="survey-texts" aria-labelledby="survey-texts-heading">
      <h2 id="survey-texts-heading">{t.surveyHeading}</h2>
      <EditorForm id="survey-texts" action={action} csrf={csrf} button={t.save}>
        <LocalizedFields form="survey-texts" prefix="title" legend={t.title} value={json.title} languages={languages} lang={lang} failure={own} />
        <LocalizedFields form="survey-texts" prefix="description" legend={t.description} value={json.description} languages={languages} lang={lang} multiline failure={own} />
      </EditorForm>
    </section>
  );
}

/** The languages the version offers; the checkboxes name each language in its own words. */
export function LanguagesForm({ action, lang, csrf, languages, failure }: Omit<Props, 'json'>) {
  const t = editorText(lang);
  const own = failureOf(failure, 'languages');
  return (
    <section class="card" id="languages" aria-labelledby="languages-heading">
      <h2 id="languages-heading">{t.languagesHeading}</h2>
      <EditorForm id="languages" action={action} csrf={csrf} button={t.save}>
        <fieldset aria-describedby="languages-hint">
          <legend>{t.languagesHeading}</legend>
          <p class="hint" id="languages-hint">
            {t.languagesHint}
          </p>
          {LANGUAGES.map((code) => (
            <label class="check">
              <input type="checkbox" name="languages" value={code} checked={own ? [own.values.languages].flat().includes(code) : languages.includes(code)} /> <span lang={code}>{commonText(code).languageName}</span>
            </label>
          ))}
        </fieldset>
      </EditorForm>
    </section>
  );
}

/** The answer scale every statement shares: each point's text and the "cannot say" text. */
export function ScaleForm({ json, action, lang, csrf, languages, failure }: Props) {
  const t = editorText(lang);
  const model = questionsOf(json).find((q) => kindOf(q) === 'scored');
  if (!model) return null;
  const own = failureOf(failure, 'scale');
  const points = (model.choices as unknown[]).filter((c): c is Json => typeof c === 'object' && c !== null && typeof (c as Json).value === 'number');
  return (
    <section class="card" id="scale" aria-labelledby="scale-heading">
      <h2 id="scale-heading">{t.scaleHeading}</h2>
      <p class="hint">{t.scaleHint}</p>
      <details open={own ? true : undefined}>
        <summary>{t.editScale}</summary>
        <EditorForm id="scale" action={action} csrf={csrf} button={t.save}>
          {points.map((point) => (
            <LocalizedFields form="scale" prefix={`point_${point.value}`} legend={fill(t.point, { value: String(point.value) })} value={point.text} languages={languages} lang={lang} failure={own} />
          ))}
          <LocalizedFields form="scale" prefix="none" legend={t.cannotSay} value={model.noneText} languages={languages} lang={lang} failure={own} />
        </EditorForm>
      </details>
    </section>
  );
}
