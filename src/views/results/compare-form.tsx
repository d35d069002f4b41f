import type { Language } from '../../db/schema/networks.js';
import { resultsText } from '../../i18n/results.js';
import { formats } from './format.js';

export type ClosedRound = { id: number; title: string; closesAt: string; questionnaireTitle: string };

type Props = { lang: Language; action: string; rounds: ClosedRound[]; before?: number; after?: number };

/** Two menus of closed rounds, newest first and grouped by questionnaire; a GET, so the comparison has an address. */
export function CompareForm({ lang, action, rounds, before, after }: Props) {
  const t = resultsText(lang);
  const f = formats(lang);
  if (rounds.length < 2) return <p class="hint">{t.compareNeedsTwo}</p>;
  const groups = [...new Set(rounds.map((round) => round.questionnaireTitle))];
  // By default the newest round against the one before it of the same questionnaire.
  const latest = rounds[0]!;
  const defaultBefore = rounds.find((round) => round !== latest && round.questionnaireTitle === latest.questionnaireTitle) ?? rounds[1]!;
  const select = (name: string, label: string, chosen: number) => (
    <div class="field">
      <label for={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} name={name}>
        {groups.map((group) => (
          <optgroup label={group}>
            {rounds
              .filter((round) => round.questionnaireTitle === group)
              .map((round) => (
                <option value={String(round.id)} selected={round.id === chosen}>
                  {`${round.title} (${f.date(round.closesAt)})`}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={action} class="compare-form">
      {select('before', t.compareFirst, before ?? defaultBefore.id)}
      {select('after', t.compareSecond, after ?? latest.id)}
      <button type="submit">{t.compareSubmit}</button>
    </form>
  );
}
