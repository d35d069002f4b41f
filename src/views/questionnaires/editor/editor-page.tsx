import type { Context } from 'hono';
import type { VersionDiff } from '../../../catalogue/diff.js';
import { draftLanguages, pagesOf, questionsOf, measureOf, kindOf, type Json } from '../../../catalogue/draft-json.js';
import type { MissingText } from '../../../catalogue/draft-problems.js';
import type { OwnedVersionRow } from '../../../catalogue/owned-versions.js';
import type { QuestionnaireVersion } from '../../../catalogue/types.js';
import type { NetworkEnv } from '../../../http/network-access.js';
import { csrfTokenOf } from '../../../http/session.js';
import { editorText } from '../../../i18n/editor.js';
import { fill } from '../../../i18n/messages.js';
import { questionnaireText } from '../../../i18n/questionnaires.js';
import { VersionDiffSection } from '../../catalogue/version-diff.js';
import { Notices, RoundsShell } from '../../rounds/rounds-shell.js';
import { draftTitle } from '../draft-title.js';
import { editorHref, type Failure } from './editor-props.js';
import { PageSection } from './page-section.js';
import { ProblemsList } from './problems-list.js';
import { LanguagesForm, ScaleForm, SurveyTextsForm } from './survey-forms.js';

type Props = {
  c: Context<NetworkEnv>;
  row: OwnedVersionRow;
  parent: QuestionnaireVersion | undefined;
  /** What the check finds: missing texts in words, or the validator's own finding; a valid draft has its diff instead. */
  problems: { missing: MissingText[]; other: string | undefined };
  changes: { previous: QuestionnaireVersion; diff: VersionDiff } | undefined;
  notice?: string | undefined;
  failure?: Failure | undefined;
};

/** Links to what the coordinator checks between edits: the preview in each language, the changes, and publishing. */
function EditorLinks({ draftHref, changes, valid, lang }: { draftHref: string; changes: Props['changes']; valid: boolean; lang: Props['c']['var']['lang'] }) {
  const t = editorText(lang);
  return (
    <p class="actions">
      {valid && (
        <a class="button button-secondary" href={`${draftHref}/preview`}>
          {t.previewIn}
        </a>
      )}
      {changes && (
        <a class="button button-secondary" href="#changes">
          {fill(t.changesSince, { version: changes.previous.label })}
        </a>
      )}
      <a class="button" href={draftHref}>
        {t.toDraft}
      </a>
    </p>
  );
}

/** The editor of one draft: every text, every page's questions, the scale, and what still stops publishing. */
export function EditorPage({ c, row, parent, problems, changes, notice, failure }: Props) {
  const lang = c.var.lang;
  const t = editorText(lang);
  const json = row.json as Json;
  const languages = draftLanguages(json);
  const networkId = c.var.network.id;
  const base = editorHref(networkId, row.id);
  const draftHref = `/networks/${networkId}/questionnaires/${row.id}`;
  const props = { lang, csrf: csrfTokenOf(c), languages, failure };
  const measures = [...new Set(questionsOf(json).filter((q) => kindOf(q) === 'scored').map(measureOf).filter((m): m is string => m !== undefined))];
  const title = `${t.heading}: ${draftTitle(row, lang)}`;
  return (
    <RoundsShell c={c} title={title}>
      <p class="breadcrumb">
        <a href={`/networks/${networkId}/questionnaires`}>{questionnaireText(lang).title}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t.lead}</p>
      <Notices notice={notice} error={failure?.message} />
      <EditorLinks draftHref={draftHref} changes={changes} valid={problems.missing.length === 0 && !problems.other} lang={lang} />
      <ProblemsList json={json} missing={problems.missing} other={problems.other} lang={lang} languages={languages} networkId={networkId} ownedId={row.id} />
      <LanguagesForm action={`${base}/languages`} {...props} />
      <SurveyTextsForm json={json} action={`${base}/survey`} {...props} />
      <ScaleForm json={json} action={`${base}/scale`} {...props} />
      {pagesOf(json).map((page, index) => (
        <PageSection json={json} parent={parent?.json} page={page} index={index} measures={measures} networkId={networkId} ownedId={row.id} {...props} />
      ))}
      {changes && <VersionDiffSection diff={changes.diff} previous={changes.previous} lang={lang} />}
    </RoundsShell>
  );
}
