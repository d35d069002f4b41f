import { kindOf, locate, questionsOf, type DraftQuestion, type Json } from '../../../catalogue/draft-json.js';
import { meaningOf } from '../../../catalogue/rewording.js';
import { editorText } from '../../../i18n/editor.js';
import { ButtonForm } from './editor-form.js';
import { idOf, questionHref, type FormProps } from './editor-props.js';
import { kindLabel, questionTitle } from './question-labels.js';

type Props = Omit<FormProps, 'failure'> & { json: Json; parent: Json | undefined; question: DraftQuestion; first: boolean; last: boolean; networkId: number; ownedId: number };

/** Whether the statement is new to this version, or reworded as the same or as a new one. */
function ChangeTag({ json, parent, question, lang }: Pick<Props, 'json' | 'parent' | 'question' | 'lang'>) {
  const t = editorText(lang);
  if (!parent || kindOf(question) === 'other') return null;
  const meaning = meaningOf(json, question.name, locate(parent, question.name)?.question);
  if (meaning) return <span class="tag tag-change">{meaning.current === 'keep' ? t.rewordedKept : t.rewordedNew}</span>;
  const known = questionsOf(parent).some((q) => q.itemKey === question.itemKey);
  return known ? null : <span class="tag tag-change">{t.newHere}</span>;
}

/** One question in the editor's list: its words, what it measures, and what can be done to it. */
export function QuestionRow({ json, parent, question, first, last, networkId, ownedId, lang, csrf, languages }: Props) {
  const t = editorText(lang);
  const title = questionTitle(question, lang, languages);
  const href = questionHref(networkId, ownedId, question.name);
  return (
    <li id={idOf('q', question.name)} class="editor-question">
      <p class="item-title">{title}</p>
      <p class="item-meta">
        <span class={kindOf(question) === 'scored' ? 'tag' : 'tag tag-muted'}>{kindLabel(question, lang)}</span> <ChangeTag json={json} parent={parent} question={question} lang={lang} />
      </p>
      <div class="actions editor-actions">
        <a class="button button-secondary" href={href}>
          {t.edit}
          <span class="visually-hidden">: {title}</span>
        </a>
        {!first && <ButtonForm action={`${href}/order`} csrf={csrf} fields={{ direction: 'up' }} label={t.moveUp} about={title} />}
        {!last && <ButtonForm action={`${href}/order`} csrf={csrf} fields={{ direction: 'down' }} label={t.moveDown} about={title} />}
        {!(first && last) && <ButtonForm action={`${href}/remove`} csrf={csrf} label={t.remove} about={title} danger />}
      </div>
    </li>
  );
}
