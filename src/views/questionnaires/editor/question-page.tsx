import type { Context } from 'hono';
import { draftLanguages, kindOf, measureOf, questionsOf, type DraftQuestion, type Json } from '../../../catalogue/draft-json.js';
import type { MeaningState } from '../../../catalogue/rewording.js';
import type { OwnedVersionRow } from '../../../catalogue/owned-versions.js';
import type { QuestionnaireVersion } from '../../../catalogue/types.js';
import type { NetworkEnv } from '../../../http/network-access.js';
import { csrfTokenOf } from '../../../http/session.js';
import { editorText } from '../../../i18n/editor.js';
import { Notices, RoundsShell } from '../../rounds/rounds-shell.js';
import { ChoiceQuestionForm } from './choice-question-form.js';
import { editorHref, idOf, questionHref, type Failure } from './editor-props.js';
import { MeaningForm } from './meaning-form.js';
import { MoveForm } from './move-form.js';
import { OpenQuestionForm } from './open-question-form.js';
import { questionTitle } from './question-labels.js';
import { ScoredStatementForm } from './scored-statement-form.js';

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
  const kind = kindOf(question);
  const scoredMeasures = [...new Set(questionsOf(json).filter((q) => kindOf(q) === 'scored').map(measureOf).filter((m): m is string => m !== undefined))];
  const heading = { scored: t.scoredHeading, open: t.openHeading, segment: t.backgroundHeading, multiple: t.questionHeading, ranking: t.questionHeading, other: t.questionHeading }[kind];
  return (
    <RoundsShell c={c} title={`${heading}: ${questionTitle(question, lang, languages)}`}>
      <p class="breadcrumb">
        <a href={`${editorHref(networkId, row.id)}#${idOf('q', question.name)}`}>{t.backToEditor}</a>
      </p>
      <h1>{heading}</h1>
      <Notices notice={notice} error={failure?.message} />
      <section class="card" aria-labelledby="texts-heading">
        <h2 id="texts-heading">{questionTitle(question, lang, languages)}</h2>
        {kind === 'scored' && <ScoredStatementForm question={question} action={action} {...props} />}
        {kind === 'open' && <OpenQuestionForm question={question} measures={scoredMeasures} action={action} {...props} />}
        {kind !== 'scored' && kind !== 'open' && <ChoiceQuestionForm question={question} action={action} {...props} />}
      </section>
      {meaning && <MeaningForm meaning={meaning.state} parentTitle={meaning.parent.title} parentLabel={meaning.parentVersion.label} action={`${action}/meaning`} {...props} />}
      {kind === 'scored' && <MoveForm question={question} measures={scoredMeasures} action={`${action}/move`} {...props} />}
    </RoundsShell>
  );
}
