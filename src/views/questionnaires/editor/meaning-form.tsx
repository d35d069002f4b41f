import { textIn, type Json } from '../../../catalogue/draft-json.js';
import type { MeaningState } from '../../../catalogue/rewording.js';
import { editorText } from '../../../i18n/editor.js';
import { fill } from '../../../i18n/messages.js';
import { EditorForm } from './editor-form.js';
import type { FormProps } from './editor-props.js';
import { inLanguage } from './localized-fields.js';

export const MEANING_FORM = 'meaning';

export const percentOf = (change: number) => Math.round(change * 100);

type Props = FormProps & { meaning: MeaningState; parentTitle: unknown; parentLabel: string; action: string };

/** A reworded statement: its parent's words, the size of the change, the proposal, and the coordinator's decision. */
export function MeaningForm({ meaning, parentTitle, parentLabel, action, lang, csrf, languages }: Props) {
  const t = editorText(lang);
  const proposal = meaning.proposal === 'keep' ? t.proposalKeep : t.proposalNew;
  return (
    <section class="card" id="meaning" aria-labelledby="meaning-heading">
      <h2 id="meaning-heading">{t.meaningLegend}</h2>
      <h3>{fill(t.parentWording, { version: parentLabel })}</h3>
      <dl class="parent-wording">
        {languages.map((code) => (
          <div>
            <dt>{inLanguage(code, lang)}</dt>
            <dd lang={code}>{textIn(parentTitle as Json, code)}</dd>
          </div>
        ))}
      </dl>
      <EditorForm id={MEANING_FORM} action={action} csrf={csrf} button={t.confirm}>
        <fieldset class="field" aria-describedby="meaning-hint">
          <legend class="visually-hidden">{t.meaningLegend}</legend>
          <p class="hint" id="meaning-hint">
            {fill(t.meaningHint, { percent: percentOf(meaning.change), version: parentLabel, proposal })}
          </p>
          {(['keep', 'new'] as const).map((choice) => (
            <label class="check">
              <input type="radio" name="meaning" value={choice} checked={meaning.current === choice} />
              {choice === 'keep' ? t.meaningKeep : t.meaningNew}
            </label>
          ))}
        </fieldset>
      </EditorForm>
    </section>
  );
}
