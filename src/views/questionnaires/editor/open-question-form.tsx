import { measureOf, type DraftQuestion } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { MeasureSelect } from './add-forms.js';
import { EditorForm } from './editor-form.js';
import { failureOf, type FormProps } from './editor-props.js';
import { LocalizedFields } from './localized-fields.js';

export const OPEN_QUESTION_FORM = 'open-question';

/** An open question: its wording and help text in each language, and the rule or area it belongs to, if any. */
export function OpenQuestionForm({ question, measures, action, lang, csrf, languages, failure }: FormProps & { question: DraftQuestion; measures: string[]; action: string }) {
  const t = editorText(lang);
  const own = failureOf(failure, OPEN_QUESTION_FORM);
  return (
    <EditorForm id={OPEN_QUESTION_FORM} action={action} csrf={csrf} button={t.save}>
      <LocalizedFields form={OPEN_QUESTION_FORM} prefix="title" legend={t.question} value={question.title} languages={languages} lang={lang} multiline failure={own} />
      <LocalizedFields form={OPEN_QUESTION_FORM} prefix="description" legend={t.helpText} value={question.description} languages={languages} lang={lang} multiline failure={own} />
      <MeasureSelect id={`${OPEN_QUESTION_FORM}-measure`} label={t.tie} measures={measures} selected={own ? String(own.values.measure ?? '') : measureOf(question)} lang={lang} none={t.untied} />
    </EditorForm>
  );
}
