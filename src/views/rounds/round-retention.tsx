import type { Language } from '../../db/schema/networks.js';
import { erasureText } from '../../i18n/erasure.js';
import { fill } from '../../i18n/messages.js';
import { resultErasureText } from '../../i18n/result-erasure.js';
import type { Network } from '../../networks/networks.js';
import { resultsErasedOn } from '../../retention/erase-results.js';
import { invitationsErasedOn } from '../../retention/retention.js';
import type { Round } from '../../rounds/rounds.js';
import { when } from './rounds-shell.js';

/** What retention erases of the round's invitations and mail log, and when: counted from its actual closing. */
function invitationsLine(lang: Language, network: Network, round: Round): string {
  const t = erasureText(lang);
  if (round.invitationsErasedAt) return fill(t.retentionRoundDone, { date: when(round.invitationsErasedAt, lang) });
  const on = invitationsErasedOn(round, network);
  return on ? fill(t.retentionRound, { date: when(on.toISOString(), lang) }) : fill(t.retentionRoundLater, { days: network.invitationRetentionDays });
}

/** The same for its responses and results, which a network may also keep until a coordinator erases them. */
function resultsLine(lang: Language, network: Network, round: Round): string {
  const t = resultErasureText(lang);
  if (round.resultsErasedAt) return fill(t.retentionResultsDone, { date: when(round.resultsErasedAt, lang) });
  if (network.resultRetentionMonths === null) return t.retentionResultsKept;
  const on = resultsErasedOn(round, network);
  return on ? fill(t.retentionResults, { date: when(on.toISOString(), lang) }) : fill(t.retentionResultsLater, { months: network.resultRetentionMonths });
}

/** The round page's retention facts, and for a closed round with results the way to erase them now. */
export function RoundRetention({ lang, network, round }: { lang: Language; network: Network; round: Round }) {
  return (
    <>
      <dt>{erasureText(lang).retentionTitle}</dt>
      <dd>
        <ul class="plain">
          <li>{invitationsLine(lang, network, round)}</li>
          <li>{resultsLine(lang, network, round)}</li>
        </ul>
        {round.status === 'closed' && !round.resultsErasedAt && (
          <p>
            <a href={`/networks/${network.id}/rounds/${round.id}/confirm/erase-results`}>{resultErasureText(lang).eraseLink}</a>
          </p>
        )}
      </dd>
    </>
  );
}
