import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { Figures } from '../../results/figures.js';
import type { MeasureResult } from '../../results/round-results.js';
import { BandBadge, DistributionLine, StatLine } from './figure-parts.js';
import { measureLabel } from './labels.js';

type Props = { measures: MeasureResult[]; lang: Language; k: number; cannotSay: string };

type BlockProps = { figures: Figures | null; lang: Language; k: number; cannotSay: string; distribution: boolean };

/** A rule's distribution is in the chart above; a statement's is given here, as counts. */
function FigureBlock({ figures, lang, k, cannotSay, distribution }: BlockProps) {
  if (!figures || figures.mean === null) return <p class="hint">{fill(resultsText(lang).withheldFigure, { k })}</p>;
  return (
    <>
      <StatLine figures={figures} lang={lang} cannotSay={cannotSay} />
      {distribution && <DistributionLine figures={figures} lang={lang} />}
    </>
  );
}

/** Each rule (or area) with its figures and band, its statements one click away with the same figures. */
export function MeasureList({ measures, lang, k, cannotSay }: Props) {
  const t = resultsText(lang);
  return (
    <ol class="measure-list">
      {measures.map((m) => (
        <li class="measure">
          <h3 class="measure-heading">
            <span>{measureLabel(m.measure, lang)}</span> <BandBadge band={m.figures?.band ?? null} lang={lang} />
          </h3>
          <FigureBlock figures={m.figures} lang={lang} k={k} cannotSay={cannotSay} distribution={false} />
          <details class="measure-items">
            <summary>{fill(t.itemsToggle, { count: m.items.length })}</summary>
            <ul class="item-figures">
              {m.items.map((item) => (
                <li>
                  <p class="item-statement">
                    {item.title[lang]} <BandBadge band={item.figures?.band ?? null} lang={lang} />
                  </p>
                  <FigureBlock figures={item.figures} lang={lang} k={k} cannotSay={cannotSay} distribution />
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
