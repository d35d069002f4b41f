import type { Language } from '../../db/schema/networks.js';
import { choiceResultsText } from '../../i18n/choice-results.js';
import { fill } from '../../i18n/messages.js';
import type { ChoiceResult } from '../../results/choice-results.js';
import { formats } from './format.js';

/** Where a coordinator adopts a choice into the agenda, or null when it is already adopted; absent for readers who cannot. */
export type AdoptLink = (value: string | number) => { href: string } | { adopted: true };

type TableProps = { result: ChoiceResult; lang: Language; k: number; adopt?: AdoptLink | undefined };

/** One choice question as a table: each option with how many chose (or ranked) it, their share with its interval, a ranking's average place. */
function ChoiceTable({ result, lang, k, adopt }: TableProps) {
  const t = choiceResultsText(lang);
  const f = formats(lang);
  if (!result.choices) return <p class="hint">{fill(t.withheld, { k })}</p>;
  const ranking = result.kind === 'ranking';
  return (
    <div class="table-scroll" role="region" aria-label={result.title[lang]} tabindex={0}>
      <table class="data-table">
        <caption class="visually-hidden">{result.title[lang]}</caption>
        <thead>
          <tr>
            <th scope="col" class="words">
              {t.choice}
            </th>
            <th scope="col">{ranking ? t.placed : t.picks}</th>
            <th scope="col">{t.share}</th>
            <th scope="col">{t.interval}</th>
            {ranking && <th scope="col">{t.meanPlace}</th>}
            {adopt && (
              <th scope="col">
                <span class="visually-hidden">{t.adopt}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {result.choices.map((choice) => {
            const link = adopt?.(choice.value);
            return (
              <tr>
                <th scope="row" class="words">
                  {choice.text[lang]}
                  {choice.tooClose && <span class="column-note">{t.tooClose}</span>}
                </th>
                <td>{choice.picks}</td>
                <td>{f.percent(choice.share)}</td>
                <td>{`${f.percent(choice.interval.low)}–${f.percent(choice.interval.high)}`}</td>
                {ranking && <td>{choice.meanPlace === null ? '–' : f.number(choice.meanPlace)}</td>}
                {link && <td class="words">{'href' in link ? <a href={link.href}>{t.adopt}</a> : t.adopted}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The round's multiple-choice and ranking questions, each withheld below k answers. */
export function ChoiceSection({ results, lang, k, adopt }: { results: ChoiceResult[]; lang: Language; k: number; adopt?: AdoptLink | undefined }) {
  const t = choiceResultsText(lang);
  return (
    <section class="card">
      <h2>{t.title}</h2>
      <p class="hint">{t.method}</p>
      {results.map((result) => (
        <>
          <h3>{result.title[lang]}</h3>
          {result.choices && (
            <p class="hint">
              {fill(t.answered, { n: result.answered })}
              {result.kind === 'ranking' && ` ${t.rankingHint}`}
            </p>
          )}
          <ChoiceTable result={result} lang={lang} k={k} adopt={adopt} />
        </>
      ))}
    </section>
  );
}
