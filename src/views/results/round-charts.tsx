import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { BandLimits } from '../../results/figures.js';
import { ChartFigure } from './chart-figure.js';
import { largestShare, profileSpec, scaleOf, stackOf, type Row } from './chart-specs.js';
import { DataTable, MeanCell } from './figure-parts.js';
import { favourableBandsText } from './band-texts.js';
import { formats } from './format.js';
import { measureColumn, measureLabel } from './labels.js';

export type ProfileSeries = { name: string; title: string; rows: Row[] };
type ProfileProps = { lang: Language; version: QuestionnaireVersion; limits: BandLimits; current: ProfileSeries; previous: ProfileSeries | null };

/** The rules side by side against the previous round: the "network profile". */
export function ProfileChart({ lang, version, limits, current, previous }: ProfileProps) {
  const t = resultsText(lang);
  const f = formats(lang);
  const scale = scaleOf(version, lang);
  const shown = current.rows.filter((row) => row.figures?.mean != null).sort((a, b) => b.figures!.mean! - a.figures!.mean!);
  const [top, bottom] = [shown[0], shown.at(-1)];
  const previousByMeasure = new Map(previous?.rows.map((row) => [row.measure, row.figures]));
  const label = top && bottom
    ? fill(t.profileAria, { top: measureLabel(top.measure, lang), topMean: f.number(top.figures!.mean!), bottom: measureLabel(bottom.measure, lang), bottomMean: f.number(bottom.figures!.mean!) })
    : t.profileTitle;
  return (
    <>
      <p>
        {fill(t.profileIntro, { min: scale.min, max: scale.max })} {previous && fill(t.profilePrevious, { title: previous.title })}{' '}
        {limits.basis === 'mean' ? fill(t.profileBands, { concern: f.number(limits.concern), strength: f.number(limits.strength) }) : favourableBandsText(limits, lang)}
      </p>
      <ChartFigure id="chart-profile" spec={profileSpec(lang, version, limits, current, previous)} label={label} tableLabel={t.tableView}>
        <DataTable
          caption={t.profileCaption}
          head={[measureColumn(current.rows, lang), current.name, ...(previous ? [previous.name] : [])]}
          rows={current.rows.map((row) => [
            measureLabel(row.measure, lang),
            <MeanCell figures={row.figures} lang={lang} />,
            ...(previous ? [<MeanCell figures={previousByMeasure.get(row.measure) ?? null} lang={lang} />] : []),
          ])}
        />
      </ChartFigure>
    </>
  );
}

/** Every rule's answers over the scale, as stacked bars and as counts with shares. */
export function DistributionChart({ lang, version, rows }: { lang: Language; version: QuestionnaireVersion; rows: Row[] }) {
  const t = resultsText(lang);
  const f = formats(lang);
  const scale = scaleOf(version, lang);
  const top = largestShare(rows, scale.options.length - 1);
  const label = top ? fill(t.distributionAria, { option: scale.options.at(-1)!, top: measureLabel(top.measure, lang), share: f.percent(top.share) }) : t.distributionTitle;
  const spec = { kind: 'stacked' as const, categories: rows.map((row) => measureLabel(row.measure, lang)), scale: scale.options, stacks: [stackOf('', rows, scale.options, lang)] };
  return (
    <>
      <p>{fill(t.distributionIntro, { cannotSay: scale.cannotSay })}</p>
      <ChartFigure id="chart-distribution" spec={spec} label={label} tableLabel={t.tableView}>
        <DataTable
          caption={t.distributionCaption}
          head={[measureColumn(rows, lang), ...scale.options.map((option, i) => `${scale.values[i]} ${option}`), scale.cannotSay]}
          rows={rows.map((row) => [
            measureLabel(row.measure, lang),
            ...(row.figures?.distribution.map((d) => `${d.count} (${f.percent(d.share)})`) ?? scale.options.map(() => t.notShown)),
            row.figures ? String(row.figures.cannotSay) : t.notShown,
          ])}
        />
      </ChartFigure>
    </>
  );
}
