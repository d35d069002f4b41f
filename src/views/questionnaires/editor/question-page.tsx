import type { Context } from 'hono';
import { draftLanguages, kindOf, measureOf, questionsOf, type DraftQuestion, type Json } from '../../../catalogue/draft-json.js';
import type { MeaningState } from '../../../catalogue/rewording.js';
import type { OwnedVersionRow } from '../../../catalogue/owned-versions.js';
import type { QuestionnaireVersion } from '../../../catalogue/types.js';
import type { NetworkEnv } from '../../../http/network-access.js';
import { csrfTokenOf } from '../../../http/session.js';
import { editorText } from '../../../i18n/editor.js';
import { Notices, RoundsShell } from '../../rounds/rounds-shell.js';
import { editorHref, idOf, questionHref, type Failure } from './editor-props.js';
import { KIND_EDITORS } from './kind-editors.js';
import { MeaningForm } from './meaning-form.js';
import { MoveForm } from './move-form.js';
import { questionTitle } from './question-labels.js';

type Props = {
  c: Context<NetworkEnv>;
  row: OwnedVersionRow;
  question: DraftQuestion;
  /** Set for a reworded statement of the parent version, with the parent's question. */
  meaning: { state: MeaningState; parent: Json; parentVersion: QuestionnaireVersion } | undefined;
  notice?: string | undefined;
  failure?: Failure | undefined;
};

/** One question of a draft, edited with the form of its kind; a statement can also be re-decided and moved. */
export function QuestionPage({ c, row, question, meaning, notice, failure }: Props) {
  const lang = c.var.lang;
  const t = editorText(lang);
  const json = row.json as Json;
  const languages = draftLanguages(json);
  const networkId = c.var.network.id;
  const action = questionHref(networkId, row.id, question.name);
  const props = { lang, csrf: csrfTokenOf(c), languages, failure };
  const editor = KIND_EDITORS[kindOf(question)];
  const scoredMeasures = [...new Set(questionsOf(json).filter((q) => kindOf(q) === 'scored').map(measureOf).filter((m): m is string => m !== undefined))];
  const heading = editor.heading(t);
  return (
    <RoundsShell c={c} title={`${heading}: ${questionTitle(question, lang, languages)}`}>
      <p class="breadcrumb">
        <a href={`${editorHref(networkId, row.id)}#${idOf('q', question.name)}`}>{t.backToEditor}</a>
      </p>
      <h1>{heading}</h1>
      <Notices notice={notice} error={failure?.message} />
      <section class="card" aria-labelledby="texts-heading">
        <h2 id="texts-heading">{questionTitle(question, lang, languages)}</h2>
        <editor.Form question={question} measures={scoredMeasures} action={action} {...props} />
      </section>
      {meaning && <MeaningForm meaning={meaning.state} parentTitle={meaning.parent.title} parentLabel={meaning.parentVersion.label} action={`${action}/meaning`} {...props} />}
      {editor.movable && <MoveForm question={question} measures={scoredMeasures} action={`${action}/move`} {...props} />}
    </RoundsShell>
  );
}
