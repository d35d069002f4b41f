import { measureOf, type DraftQuestion } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { MeasureSelect } from './add-forms.js';
import { EditorForm } from './editor-form.js';
import type { FormProps } from './editor-props.js';

export const MOVE_FORM = 'move';

/** Moves a statement to another rule or area that has a page of statements. */
export function MoveForm({ question, measures, action, lang, csrf }: Omit<FormProps, 'languages' | 'failure'> & { question: DraftQuestion; measures: string[]; action: string }) {
  const t = editorText(lang);
  return (
    <section class="card" aria-labelledby="move-heading">
      <h2 id="move-heading">{t.moveHeading}</h2>
      <p class="hint">{t.moveHint}</p>
      <EditorForm id={MOVE_FORM} action={action} csrf={csrf} button={t.move}>
        <MeasureSelect id="move-measure" label={t.moveTo} measures={measures} selected={measureOf(question)} lang={lang} />
      </EditorForm>
    </section>
  );
}
