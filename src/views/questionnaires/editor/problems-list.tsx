import { kindOf, locate, pagesOf, type Json } from '../../../catalogue/draft-json.js';
import type { MissingText } from '../../../catalogue/draft-problems.js';
import type { Language } from '../../../db/schema/networks.js';
import { draftProblemText } from '../../../i18n/editor-problems.js';
import { editorText } from '../../../i18n/editor.js';
import { fill } from '../../../i18n/messages.js';
import { editorHref, idOf, questionHref } from './editor-props.js';
import { inLanguage } from './localized-fields.js';
import { pageTitle, questionTitle } from './question-labels.js';

type Props = { json: Json; missing: MissingText[]; other: string | undefined; lang: Language; languages: Language[]; networkId: number; ownedId: number };

/** "ruotsiksi ja englanniksi" */
function languageList(codes: Language[], lang: Language): string {
  const names = codes.map((code) => inLanguage(code, lang));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${editorText(lang).and} ${names.at(-1)}` : names[0]!;
}

/** A missing text in words, and the form where it is filled in. */
function describe(problem: MissingText, props: Props): { text: string; href: string } {
  const { json, lang, languages, networkId, ownedId } = props;
  const t = draftProblemText(lang);
  const target = problem.target;
  const languagesText = languageList(problem.missing, lang);
  if (target.on === 'survey') return { text: fill(t.missing, { where: t.survey, what: t[target.field], languages: languagesText }), href: '#survey-texts' };
  if (target.on === 'page') {
    const pages = pagesOf(json);
    const index = pages.findIndex((p) => p.name === target.page);
    const where = fill(t.page, { page: pageTitle(pages[index]!, index, lang, languages) });
    return { text: fill(t.missing, { where, what: t[target.field], languages: languagesText }), href: `#${idOf('page', target.page)}` };
  }
  const question = locate(json, target.name)!.question;
  const where = fill(t.question, { question: questionTitle(question, lang, languages) });
  const choices = Array.isArray(question.choices) ? (question.choices as Array<{ value?: unknown }>) : [];
  const what = target.on === 'choice' ? fill(t.choice, { number: choices.findIndex((c) => String(c?.value) === target.value) + 1 }) : t[target.field];
  const scale = (target.on === 'choice' || target.field === 'noneText') && kindOf(question) === 'scored';
  return { text: fill(t.missing, { where, what, languages: languagesText }), href: scale ? `${editorHref(networkId, ownedId)}#scale` : questionHref(networkId, ownedId, target.name) };
}

/** What stops the draft from being published, each with a link to where it is fixed. */
export function ProblemsList(props: Props) {
  const t = draftProblemText(props.lang);
  if (props.missing.length === 0 && !props.other) return null;
  return (
    <section class="card editor-problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">{t.heading}</h2>
      <p>{t.lead}</p>
      <ul>
        {props.missing.map((problem) => {
          const { text, href } = describe(problem, props);
          return (
            <li>
              <a href={href}>{text}</a>
            </li>
          );
        })}
        {props.other && <li>{`${t.other} ${props.other}`}</li>}
      </ul>
    </section>
  );
}
