import type { Context } from 'hono';
import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { heatmapText } from '../../i18n/heatmap.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import { HEAT_BASES, type HeatBasis, type RoundHeatmap } from '../../results/heatmap.js';
import { bandLimits } from '../../results/round-results.js';
import { FavourableNote } from './favourable-parts.js';
import { HeatmapTable } from './heatmap-table.js';
import { segmentName } from './labels.js';
import { ResultsShell, WithheldNotice, resultsHref } from './results-shell.js';

type Props = { c: Context<NetworkEnv>; heatmap: RoundHeatmap; version: QuestionnaireVersion; basis: HeatBasis };

/** A round's rules against every background group at once; the colouring is chosen with links, so it works without scripts. */
export function HeatmapPage({ c, heatmap, version, basis }: Props) {
  const lang = c.var.lang;
  const [t, r] = [heatmapText(lang), resultsText(lang)];
  const { results, segments } = heatmap;
  const k = results.threshold;
  const roundHref = resultsHref(c.var.network.id, `/rounds/${results.round.id}`);
  const notShown = segments.filter((s) => s.withheld !== null);
  return (
    <ResultsShell c={c} title={`${t.title} · ${results.round.title}`} back={{ href: roundHref, label: results.round.title }}>
      <section class="card">
        <h1>{t.title}</h1>
        <p class="lead">{results.round.title}</p>
        {results.withheld ? (
          <WithheldNotice lang={lang} withheld={results.withheld} responses={results.responses} round={results.round} k={k} />
        ) : (
          <>
            <p>{fill(t.intro, { k })}</p>
            {segments.length === 0 && <p class="notice">{t.noSegments}</p>}
            {notShown.map((s) => (
              <p class="notice">
                {segmentName(s.segmentKey, lang)}: {s.withheld === 'not_collected' ? r.segmentNotCollected : fill(r.segmentTooFew, { k })}
              </p>
            ))}
            <nav class="segment-tabs" aria-label={t.basisNav}>
              {HEAT_BASES.map((each) => (
                <a href={`?by=${each}`} aria-current={each === basis ? 'page' : undefined}>
                  {t[`basis_${each}`]}
                </a>
              ))}
            </nav>
            <HeatmapTable lang={lang} version={version} heatmap={heatmap} basis={basis} limits={bandLimits(c.var.network)} />
            {basis === 'share' && <FavourableNote version={version} lang={lang} />}
          </>
        )}
      </section>
    </ResultsShell>
  );
}
