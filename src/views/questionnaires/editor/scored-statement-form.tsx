import type { DraftQuestion } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { EditorForm } from './editor-form.js';
import { failureOf, QUESTION_TEXTS_FORM, type FormProps } from './editor-props.js';
import { LocalizedFields } from './localized-fields.js';

/** A statement rated on the scale: its wording and help text in each language. The scale itself is the version's. */
export function ScoredStatementForm({ question, action, lang, csrf, languages, failure }: FormProps & { question: DraftQuestion; action: string }) {
  const t = editorText(lang);
  const own = failureOf(failure, QUESTION_TEXTS_FORM);
  return (
    <EditorForm id={QUESTION_TEXTS_FORM} action={action} csrf={csrf} button={t.save}>
      <LocalizedFields form={QUESTION_TEXTS_FORM} prefix="title" legend={t.statement} value={question.title} languages={languages} lang={lang} multiline failure={own} />
      <LocalizedFields form={QUESTION_TEXTS_FORM} prefix="description" legend={t.helpText} value={question.description} languages={languages} lang={lang} multiline failure={own} />
    </EditorForm>
  );
}
