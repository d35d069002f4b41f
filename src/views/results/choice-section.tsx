import type { Language } from '../../db/schema/networks.js';
import { choiceResultsText } from '../../i18n/choice-results.js';
import { fill } from '../../i18n/messages.js';
import type { ChoiceResult } from '../../results/choice-results.js';
import { formats } from './format.js';

/** One choice question as a table: each option with how many chose (or ranked) it and their share; a ranking also by average place. */
function ChoiceTable({ result, lang, k }: { result: ChoiceResult; lang: Language; k: number }) {
  const t = choiceResultsText(lang);
  const f = formats(lang);
  if (!result.choices) return <p class="hint">{fill(t.withheld, { k })}</p>;
  const ranking = result.kind === 'ranking';
  const rows = ranking ? [...result.choices].sort((a, b) => (a.meanPlace ?? Infinity) - (b.meanPlace ?? Infinity)) : result.choices;
  return (
    <div class="table-scroll" role="region" aria-label={result.title[lang]} tabindex={0}>
      <table>
        <caption class="visually-hidden">{result.title[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{t.choice}</th>
            <th scope="col">{ranking ? t.placed : t.picks}</th>
            <th scope="col">{t.share}</th>
            {ranking && <th scope="col">{t.meanPlace}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((choice) => (
            <tr>
              <th scope="row">{choice.text[lang]}</th>
              <td>{choice.picks}</td>
              <td>{f.percent(choice.share)}</td>
              {ranking && <td>{choice.meanPlace === null ? '–' : f.number(choice.meanPlace)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The round's multiple-choice and ranking questions, each withheld below k answers. */
export function ChoiceSection({ results, lang, k }: { results: ChoiceResult[]; lang: Language; k: number }) {
  const t = choiceResultsText(lang);
  return (
    <section class="card">
      <h2>{t.title}</h2>
      {results.map((result) => (
        <>
          <h3>{result.title[lang]}</h3>
          {result.choices && (
            <p class="hint">
              {fill(t.answered, { n: result.answered })}
              {result.kind === 'ranking' && ` ${t.rankingHint}`}
            </p>
          )}
          <ChoiceTable result={result} lang={lang} k={k} />
        </>
      ))}
    </section>
  );
}
