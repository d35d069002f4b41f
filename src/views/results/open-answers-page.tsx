import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { NetworkEnv } from '../../http/network-access.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { OpenAnswers } from '../../results/open-answers.js';
import { measureLabel } from './labels.js';
import { ResultsShell, WithheldNotice, resultsHref } from './results-shell.js';

/** The answer with each occurrence of the search text marked. */
function highlighted(text: string, needle: string): Child {
  const lower = text.toLocaleLowerCase('fi');
  const wanted = needle.toLocaleLowerCase('fi');
  // Lower-casing can change a string's length (İ → i̇); then the positions would not match and the text stays unmarked.
  if (!wanted || lower.length !== text.length) return text;
  const parts: Child[] = [];
  let at = 0;
  for (let hit = lower.indexOf(wanted); hit !== -1; hit = lower.indexOf(wanted, at)) {
    parts.push(text.slice(at, hit), <mark>{text.slice(hit, hit + wanted.length)}</mark>);
    at = hit + wanted.length;
  }
  parts.push(text.slice(at));
  return parts;
}

/** Per-rule comments and reflection answers of a round, alphabetically, with a text filter. */
export function OpenAnswersPage({ c, answers, responses }: { c: Context<NetworkEnv>; answers: OpenAnswers; responses: number }) {
  const lang = c.var.lang;
  const t = resultsText(lang);
  const { round, filter } = answers;
  const roundHref = resultsHref(c.var.network.id, `/rounds/${round.id}`);
  // While filtering, questions without a match would only be noise.
  const items = filter ? answers.items.filter((item) => item.answers.length > 0) : answers.items;
  const matches = answers.items.reduce((n, item) => n + item.answers.length, 0);
  return (
    <ResultsShell c={c} title={`${t.openAnswers} · ${round.title}`} back={{ href: roundHref, label: round.title }}>
      <section class="card">
        <h1>{t.openAnswers}</h1>
        <p class="lead">{round.title}</p>
        {answers.withheld ? (
          <WithheldNotice lang={lang} withheld={answers.withheld} responses={responses} round={round} k={answers.threshold} />
        ) : (
          <>
            <p>{t.openIntro}</p>
            <p>{fill(t.openThresholdIntro, { k: answers.openThreshold })}</p>
            <form method="get" action={`${roundHref}/open-answers`} class="filter-form" role="search">
              <label for="open-answers-q">{t.filterLabel}</label>
              <div class="filter-row">
                <input id="open-answers-q" type="search" name="q" value={filter} maxlength={200} />
                <button type="submit">{t.filterSubmit}</button>
              </div>
            </form>
            {filter && (
              <p role="status">
                {fill(t.filterResult, { q: filter, count: matches })} <a href={`${roundHref}/open-answers`}>{t.filterClear}</a>
              </p>
            )}
          </>
        )}
      </section>
      {items.map((item) => (
        <section class="card open-answers">
          <h2>{item.measure ? measureLabel(item.measure, lang) : t.reflection}</h2>
          <p class="hint">{item.title[lang]}</p>
          {item.withheld ? (
            <p class="notice">{fill(t.openWithheld, { k: answers.openThreshold })}</p>
          ) : (
            <ul class="answer-list">
              {item.answers.map((text) => (
                <li>{highlighted(text, filter)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </ResultsShell>
  );
}
