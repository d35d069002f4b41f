import { measuresOnPage } from '../../../catalogue/draft-edits.js';
import type { DraftPage } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { titledMeasureLabel } from '../../../i18n/measure-names.js';
import { EditorForm } from './editor-form.js';
import { failureOf, idOf, type FormProps } from './editor-props.js';
import { LocalizedFields } from './localized-fields.js';

type Props = FormProps & { page: DraftPage; action: string };

/** A rule or area to choose; `none` adds a first choice of no measure. */
export function MeasureSelect({ id, label, measures, selected, lang, none }: { id: string; label: string; measures: string[]; selected?: string | undefined; lang: FormProps['lang']; none?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name="measure">
        {none !== undefined && <option value="">{none}</option>}
        {measures.map((measure) => (
          <option value={measure} selected={measure === selected}>
            {titledMeasureLabel(measure, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A statement of the network's own, on a page that has statements: it measures one of that page's rules or areas. */
export function AddStatementForm({ page, action, lang, csrf, languages, failure }: Props) {
  const t = editorText(lang);
  const measures = measuresOnPage(page);
  if (measures.length === 0) return null;
  const form = idOf('add-statement', page.name);
  const own = failureOf(failure, form);
  return (
    <details class="editor-add" open={own ? true : undefined}>
      <summary>{t.addStatement}</summary>
      <p class="hint">{t.addStatementHint}</p>
      <EditorForm id={form} action={action} csrf={csrf} button={t.add}>
        <MeasureSelect id={`${form}-measure`} label={t.measure} measures={measures} selected={String(own?.values.measure ?? '')} lang={lang} />
        <LocalizedFields form={form} prefix="title" legend={t.statement} value={undefined} languages={languages} lang={lang} multiline failure={own} />
      </EditorForm>
    </details>
  );
}

/** An open question at the end of a page, tied to one of the version's rules or areas, or to none. */
export function AddOpenQuestionForm({ page, action, measures, lang, csrf, languages, failure }: Props & { measures: string[] }) {
  const t = editorText(lang);
  const form = idOf('add-open', page.name);
  const own = failureOf(failure, form);
  const onPage = measuresOnPage(page);
  return (
    <details class="editor-add" open={own ? true : undefined}>
      <summary>{t.addOpen}</summary>
      <EditorForm id={form} action={action} csrf={csrf} button={t.add}>
        <MeasureSelect id={`${form}-measure`} label={t.tie} measures={measures} selected={own ? String(own.values.measure ?? '') : onPage.length === 1 ? onPage[0] : undefined} lang={lang} none={t.untied} />
        <LocalizedFields form={form} prefix="title" legend={t.question} value={undefined} languages={languages} lang={lang} multiline failure={own} />
      </EditorForm>
    </details>
  );
}
