import type { FollowUpStep } from '../../agenda/follow-up.js';
import type { Language } from '../../db/schema/networks.js';
import { agendaText } from '../../i18n/agenda.js';
import { fill } from '../../i18n/messages.js';
import { ChangeWords } from '../reports/change-words.js';

/**
 * How the action's rule moved from the round that prompted it to each later
 * round, with the same verdicts as the comparison: a change is only called
 * when it is larger than the noise.
 */
export function FollowUpList({ steps, lang, k }: { steps: FollowUpStep[]; lang: Language; k: number }) {
  const t = agendaText(lang);
  return (
    <div class="follow-up">
      <h3>{t.followUpTitle}</h3>
      {steps.length === 0 ? (
        <p class="hint">{t.noLaterRound}</p>
      ) : (
        <ul>
          {steps.map(({ round, row, erased }) => (
            <li>
              {round.title}: {erased ? t.notComparedErased : !row ? t.notAsked : !row.change ? fill(t.notCompared, { k }) : <ChangeWords change={row.change} lang={lang} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
