import type { DraftPage, Json } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { AddOpenQuestionForm, AddStatementForm } from './add-forms.js';
import { EditorForm } from './editor-form.js';
import { editorHref, failureOf, idOf, type FormProps } from './editor-props.js';
import { LocalizedFields } from './localized-fields.js';
import { pageTitle } from './question-labels.js';
import { QuestionRow } from './question-row.js';

type Props = FormProps & { json: Json; parent: Json | undefined; page: DraftPage; index: number; measures: string[]; networkId: number; ownedId: number };

/** One page of the draft: its texts, its questions in order, and what can be added to it. */
export function PageSection({ json, parent, page, index, measures, networkId, ownedId, lang, csrf, languages, failure }: Props) {
  const t = editorText(lang);
  const action = editorHref(networkId, ownedId, `/pages/${encodeURIComponent(page.name)}`);
  const form = idOf('page', page.name);
  const own = failureOf(failure, form);
  const heading = idOf('page', page.name, 'heading');
  const common = { lang, csrf, languages, failure };
  return (
    <section class="card editor-page" id={form} aria-labelledby={heading}>
      <h2 id={heading}>{pageTitle(page, index, lang, languages)}</h2>
      <details open={own ? true : undefined}>
        <summary>{t.pageTexts}</summary>
        <EditorForm id={form} action={action} csrf={csrf} button={t.save}>
          <LocalizedFields form={form} prefix="title" legend={t.title} value={page.title} languages={languages} lang={lang} failure={own} />
          <LocalizedFields form={form} prefix="description" legend={t.description} value={page.description} languages={languages} lang={lang} multiline failure={own} />
        </EditorForm>
      </details>
      <ol class="item-list editor-questions">
        {page.elements.map((question, i) => (
          <QuestionRow json={json} parent={parent} question={question} first={i === 0} last={i === page.elements.length - 1} networkId={networkId} ownedId={ownedId} lang={lang} csrf={csrf} languages={languages} />
        ))}
      </ol>
      <AddStatementForm page={page} action={`${action}/statements`} {...common} />
      <AddOpenQuestionForm page={page} action={`${action}/open-questions`} measures={measures} {...common} />
    </section>
  );
}
