import type { DraftQuestion } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { fill } from '../../../i18n/messages.js';
import { EditorForm } from './editor-form.js';
import { failureOf, QUESTION_TEXTS_FORM, type FormProps } from './editor-props.js';
import { LocalizedFields } from './localized-fields.js';

/** The answer choices of a question as the form numbers them; their values are the platform's and never shown. */
export const choicesOf = (question: DraftQuestion): unknown[] => (Array.isArray(question.choices) ? question.choices : []);

/** A background, multiple-choice or ranking question: its wording, help text and each choice's text; what the choices mean stays. */
export function ChoiceQuestionForm({ question, action, lang, csrf, languages, failure }: FormProps & { question: DraftQuestion; action: string }) {
  const t = editorText(lang);
  const own = failureOf(failure, QUESTION_TEXTS_FORM);
  return (
    <EditorForm id={QUESTION_TEXTS_FORM} action={action} csrf={csrf} button={t.save}>
      <LocalizedFields form={QUESTION_TEXTS_FORM} prefix="title" legend={t.question} value={question.title} languages={languages} lang={lang} multiline failure={own} />
      <LocalizedFields form={QUESTION_TEXTS_FORM} prefix="description" legend={t.helpText} value={question.description} languages={languages} lang={lang} multiline failure={own} />
      {choicesOf(question).length > 0 && (
        <fieldset class="field">
          <legend>{t.choices}</legend>
          {choicesOf(question).map((choice, i) => (
            <LocalizedFields form={QUESTION_TEXTS_FORM} prefix={`choice_${i}`} legend={fill(t.choice, { number: i + 1 })} value={typeof choice === 'object' && choice !== null ? (choice as { text?: unknown }).text : choice} languages={languages} lang={lang} failure={own} />
          ))}
        </fieldset>
      )}
    </EditorForm>
  );
}
