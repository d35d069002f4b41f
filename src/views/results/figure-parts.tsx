import type { Child } from 'hono/jsx';
import type { Language } from '../../db/schema/networks.js';
import { favourableText } from '../../i18n/favourable.js';
import { resultsText } from '../../i18n/results.js';
import type { Figures } from '../../results/figures.js';
import type { Band } from '../../results/statistics.js';
import { FavourableLine, shareText } from './favourable-parts.js';
import { formats } from './format.js';

/** The band in words as well as in colour, so that no reader depends on colour alone. */
export function BandBadge({ band, lang }: { band: Band | null; lang: Language }) {
  if (!band) return null;
  return <span class={`band band-${band}`}>{resultsText(lang)[`band_${band}`]}</span>;
}

/** "ka. 3,62 · 95 %:n lv. 3,40–3,84 · myönteisiä 58 % (44–71 %) · kh. 0,81 · n 24 · en osaa sanoa 2", abbreviations explained on hover. */
export function StatLine({ figures, lang, cannotSay }: { figures: Figures; lang: Language; cannotSay: string }) {
  const t = resultsText(lang);
  const ft = favourableText(lang);
  const f = formats(lang);
  const stats: Array<[Child, string | null]> = [
    [<abbr title={t.mean}>{t.meanAbbr}</abbr>, figures.mean === null ? null : f.number(figures.mean)],
    [<abbr title={t.ci}>{t.ciAbbr}</abbr>, figures.ci95 && f.range(figures.ci95)],
    [<abbr title={ft.title}>{ft.label}</abbr>, figures.favourable && shareText(figures.favourable, lang)],
    [<abbr title={t.sd}>{t.sdAbbr}</abbr>, figures.sd === null ? null : f.number(figures.sd)],
    [<abbr title={t.n}>n</abbr>, String(figures.n)],
    [cannotSay, String(figures.cannotSay)],
  ];
  return (
    <dl class="stat-line">
      {stats
        .filter(([, value]) => value !== null)
        .map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** "Jakauma: 1: 0 · 2: 3 · 3: 5 · 4: 10 · 5: 6", the counts behind a mean. */
export function DistributionLine({ figures, lang }: { figures: Figures; lang: Language }) {
  return (
    <p class="distribution-line">
      {resultsText(lang).distribution}: {figures.distribution.map((d) => `${d.value}: ${d.count}`).join(' · ')}
    </p>
  );
}

/** A mean with its interval in one table cell, the favourable share under it, or the words saying they are withheld. */
export function MeanCell({ figures, lang }: { figures: Figures | null; lang: Language }) {
  const f = formats(lang);
  if (!figures || figures.mean === null) return <span class="hint">{resultsText(lang).notShown}</span>;
  return (
    <>
      <span class="mean">{f.number(figures.mean)}</span> {figures.ci95 && <span class="ci">({f.range(figures.ci95)})</span>}
      <FavourableLine share={figures.favourable} lang={lang} />
    </>
  );
}

/**
 * A table with its caption; wide ones scroll sideways on a phone instead of
 * widening the page. Figures are right-aligned; the columns listed in `words`
 * hold text and are left-aligned, their heading with them.
 */
export function DataTable({ caption, head, rows, words = [] }: { caption: string; head: Child[]; rows: Child[][]; words?: number[] }) {
  const align = (column: number) => (words.includes(column) ? 'words' : undefined);
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabindex={0}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((cell, column) => (
              <th scope="col" class={align(column)}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest]) => (
            <tr>
              <th scope="row">{first}</th>
              {rest.map((cell, i) => (
                <td class={align(i + 1)}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
