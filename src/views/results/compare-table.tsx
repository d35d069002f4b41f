import type { Language } from '../../db/schema/networks.js';
import { resultsText } from '../../i18n/results.js';
import type { ComparedRow } from '../../results/comparison.js';
import type { Verdict } from '../../results/statistics.js';
import { MeanCell } from './figure-parts.js';
import { formats } from './format.js';

const ARROWS: Record<Verdict, string> = { improved: '▲', declined: '▼', no_change: '=' };

/** The verdict in words, with an arrow and a colour that only repeat them. */
export function VerdictBadge({ verdict, lang }: { verdict: Verdict | null; lang: Language }) {
  const t = resultsText(lang);
  if (!verdict) return <span class="hint">{t.notComparable}</span>;
  return (
    <span class={`verdict verdict-${verdict}`}>
      <span aria-hidden="true">{ARROWS[verdict]}</span> {t[`verdict_${verdict}`]}
    </span>
  );
}

type Props = { rows: ComparedRow[]; label: (row: ComparedRow) => string; head: [string, string, string]; caption: string; lang: Language };

/**
 * Two rounds side by side. On a phone each row becomes a small card whose
 * cells carry their column's name (data-label), instead of a table too wide
 * to read; each cell holds one element, which the card's grid puts beside the name.
 */
export function CompareTable({ rows, label, head, caption, lang }: Props) {
  const t = resultsText(lang);
  const f = formats(lang);
  const columns = [...head, t.change, t.verdict];
  return (
    <table class="data-table stack-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th scope="col" class={i === columns.length - 1 ? 'verdict-cell' : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{label(row)}</th>
            <td data-label={columns[1]}>
              <span>
                <MeanCell figures={row.before} lang={lang} />
              </span>
            </td>
            <td data-label={columns[2]}>
              <span>
                <MeanCell figures={row.after} lang={lang} />
              </span>
            </td>
            <td data-label={columns[3]}>
              <span>
                {row.change ? (
                  <>
                    <span class="mean">{f.signed(row.change.difference)}</span> <span class="ci">({f.range(row.change.ci95)})</span>
                  </>
                ) : (
                  '–'
                )}
              </span>
            </td>
            <td class="verdict-cell" data-label={columns[4]}>
              <VerdictBadge verdict={row.change?.verdict ?? null} lang={lang} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
