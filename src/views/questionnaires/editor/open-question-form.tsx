import { measureOf, type DraftQuestion } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { MeasureSelect } from './add-forms.js';
import { EditorForm } from './editor-form.js';
import { failureOf, QUESTION_TEXTS_FORM, type FormProps } from './editor-props.js';
import { LocalizedFields } from './localized-fields.js';

/** An open question: its wording and help text in each language, and the rule or area it belongs to, if any. */
export function OpenQuestionForm({ question, measures, action, lang, csrf, languages, failure }: FormProps & { question: DraftQuestion; measures: string[]; action: string }) {
  const t = editorText(lang);
  const own = failureOf(failure, QUESTION_TEXTS_FORM);
  return (
    <EditorForm id={QUESTION_TEXTS_FORM} action={action} csrf={csrf} button={t.save}>
      <LocalizedFields form={QUESTION_TEXTS_FORM} prefix="title" legend={t.question} value={question.title} languages={languages} lang={lang} multiline failure={own} />
      <LocalizedFields form={QUESTION_TEXTS_FORM} prefix="description" legend={t.helpText} value={question.description} languages={languages} lang={lang} multiline failure={own} />
      <MeasureSelect id={`${QUESTION_TEXTS_FORM}-measure`} label={t.tie} measures={measures} selected={own ? String(own.values.measure ?? '') : measureOf(question)} lang={lang} none={t.untied} />
    </EditorForm>
  );
}
