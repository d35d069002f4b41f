import type { Language } from '../../db/schema/networks.js';
import { agendaText } from '../../i18n/agenda.js';
import { fill } from '../../i18n/messages.js';
import type { Comparison } from '../../results/statistics.js';
import { VerdictBadge } from '../results/compare-table.js';
import { formats } from '../results/format.js';

/** "▲ Parani, muutos +0,42 (95 %:n luottamusväli 0,10–0,74)": the verdict in words first, then the figures behind it. */
export function ChangeWords({ change, lang }: { change: Comparison; lang: Language }) {
  const f = formats(lang);
  return (
    <>
      <VerdictBadge verdict={change.verdict} lang={lang} />, {fill(agendaText(lang).followUpChange, { difference: f.signed(change.difference), range: f.range(change.ci95) })}
    </>
  );
}
