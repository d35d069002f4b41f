import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { heatmapText } from '../../i18n/heatmap.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { BandLimits, Figures } from '../../results/figures.js';
import { heatStep, type HeatBasis, type RoundHeatmap } from '../../results/heatmap.js';
import { formats } from './format.js';
import { HEAT_FILLS, HEAT_GAP, HEAT_TEXT } from './heat-palette.js';
import { measureColumn, measureLabel, segmentGroupName, segmentName } from './labels.js';

type Props = { lang: Language; version: QuestionnaireVersion; heatmap: RoundHeatmap; basis: HeatBasis; limits: BandLimits };

/** One column: the totals, or one group of one background question, with its figures per measure; `longName` adds the question, as two questions may both have "Others". */
type Column = { name: string; longName: string; responses: number; figures: Array<Figures | null> };

function columnsOf({ lang, version, heatmap }: Props): Column[] {
  const all = heatmapText(lang).allRespondents;
  const totals = { name: all, longName: all, responses: heatmap.results.responses, figures: heatmap.results.measures.map((m) => m.figures) };
  const groups = heatmap.segments
    .filter((s) => s.withheld === null)
    .flatMap((s) => {
      const [question, name] = [segmentName(s.segmentKey, lang), segmentGroupName(version, s.segmentKey, lang)];
      return s.groups.map((g) => ({ name: name(g.value), longName: `${name(g.value)} (${question})`, responses: g.responses, figures: g.measures.map((m) => m.figures) }));
    });
  return [totals, ...groups];
}

const valueOf = (figures: Figures | null, basis: HeatBasis): number | null => (basis === 'mean' ? (figures?.mean ?? null) : (figures?.favourable?.share ?? null));

/**
 * Rules (or areas) against every background group at once, as a plain table:
 * each cell prints its value and takes its colour from it, so the table is
 * its own text alternative. A withheld cell says so in words.
 */
export function HeatmapTable(props: Props) {
  const { lang, heatmap, basis } = props;
  const [t, r, f] = [heatmapText(lang), resultsText(lang), formats(lang)];
  const columns = columnsOf(props);
  const measures = heatmap.results.measures;
  const shown = heatmap.segments.filter((s) => s.withheld === null);
  const print = (value: number) => (basis === 'mean' ? f.number(value) : f.percent(value));
  const caption = t[`caption_${basis}`];
  return (
    <>
      <HeatLegend {...props} />
      <div class="table-scroll" role="region" aria-label={caption} tabindex={0}>
        <table class="heatmap" style={`background-color: ${HEAT_GAP}`}>
          <caption>{caption}</caption>
          <colgroup span={2} />
          {shown.map((s) => (
            <colgroup span={s.groups.length} />
          ))}
          <thead>
            <tr>
              <th scope="col" rowspan={shown.length > 0 ? 2 : 1}>
                {measureColumn(measures, lang)}
              </th>
              <th scope="col" rowspan={shown.length > 0 ? 2 : 1}>
                {columns[0]!.name} <span class="group-n">n = {columns[0]!.responses}</span>
              </th>
              {shown.map((s) => (
                <th scope="colgroup" colspan={s.groups.length}>
                  {segmentName(s.segmentKey, lang)}
                </th>
              ))}
            </tr>
            {shown.length > 0 && (
              <tr>
                {columns.slice(1).map((column) => (
                  <th scope="col">
                    {column.name} <span class="group-n">n = {column.responses}</span>
                  </th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {measures.map((m, row) => (
              <tr>
                <th scope="row">{measureLabel(m.measure, lang)}</th>
                {columns.map((column) => {
                  const figures = column.figures[row] ?? null;
                  const value = valueOf(figures, basis);
                  const step = figures && heatStep(figures, basis);
                  if (value === null || step === null) return <td class="heat-withheld">{r.notShown}</td>;
                  return (
                    <td class="heat" style={`background-color: ${HEAT_FILLS[step]}; color: ${HEAT_TEXT}`}>
                      {print(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatSummary {...props} columns={columns} print={print} />
    </>
  );
}

/** What each colour stands for, in words and figures. */
function HeatLegend({ lang, basis, limits }: Props) {
  const [t, r, f] = [heatmapText(lang), resultsText(lang), formats(lang)];
  const [concern, strength] = [f.number(limits.concern), f.number(limits.strength)];
  const entries: Array<[keyof typeof HEAT_FILLS, string]> =
    basis === 'mean'
      ? [
          [0, `${r.band_concern}: ${fill(t.legendConcern, { concern })}`],
          [2, `${r.band_borderline}: ${fill(t.legendBorderline, { concern, strength })}`],
          [4, `${r.band_strength}: ${fill(t.legendStrength, { strength })}`],
        ]
      : ([0, 1, 2, 3, 4] as const).map((step) => [step, f.percentRange({ low: step * 0.2, high: step === 4 ? 1 : step * 0.2 + 0.19 })]);
  return (
    <div class="heat-legend">
      <h2 class="heat-legend-title">{t.legendTitle}</h2>
      <ul>
        {entries.map(([step, label]) => (
          <li>
            <span class="heat-swatch" style={`background-color: ${HEAT_FILLS[step]}`} aria-hidden="true"></span> {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The table in two sentences: where it is lowest and highest, and how many cells are withheld. */
function HeatSummary({ lang, heatmap, basis, columns, print }: Props & { columns: Column[]; print: (value: number) => string }) {
  const t = heatmapText(lang);
  const measures = heatmap.results.measures;
  const cells = measures.flatMap((m, row) => columns.map((column) => ({ measure: measureLabel(m.measure, lang), group: column.longName, value: valueOf(column.figures[row] ?? null, basis) })));
  const shown = cells.filter((cell): cell is typeof cell & { value: number } => cell.value !== null);
  const withheld = cells.length - shown.length;
  // Ties keep the table's order: the first lowest and the first highest.
  const low = shown.reduce<(typeof shown)[number] | null>((a, b) => (a === null || b.value < a.value ? b : a), null);
  const high = shown.reduce<(typeof shown)[number] | null>((a, b) => (a === null || b.value > a.value ? b : a), null);
  return (
    <div class="heat-summary">
      {low && high && (
        <p>{fill(t.summary, { lowMeasure: low.measure, lowGroup: low.group, lowValue: print(low.value), highMeasure: high.measure, highGroup: high.group, highValue: print(high.value) })}</p>
      )}
      {withheld > 0 && <p>{fill(t.withheldCells, { count: withheld, total: cells.length, k: heatmap.results.threshold })}</p>}
    </div>
  );
}
