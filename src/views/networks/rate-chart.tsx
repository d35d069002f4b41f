import type { RateSpec } from '../../client/lib/charts/types.js';
import type { DashboardRound } from '../../dashboard/dashboard.js';
import type { Language } from '../../db/schema/networks.js';
import { dashboardText } from '../../i18n/dashboard.js';
import { fill } from '../../i18n/messages.js';
import { helsinkiDay } from '../../rounds/helsinki-time.js';
import { ChartFigure } from '../results/chart-figure.js';
import { formats } from '../results/format.js';

const DAY_MS = 86_400_000;

/** Every Helsinki day from the first to the last, "2026-03-02" to "2026-03-09", quiet days included. */
function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${first}T12:00:00Z`); at <= Date.parse(`${last}T12:00:00Z`); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** The open round's cumulative response rate per day, from its opening until today; counts only, as on the round page. */
export function rateSpec({ round, progress }: DashboardRound, now: Date, lang: Language): RateSpec | null {
  if (round.status !== 'open' || progress.invited === 0) return null;
  const t = dashboardText(lang);
  const f = formats(lang);
  const answeredBy = new Map(progress.daily.map((day) => [day.day, day.cumulative]));
  let cumulative = 0;
  const points = daysBetween(helsinkiDay(new Date(round.openedAt ?? round.opensAt)), helsinkiDay(now)).map((day) => {
    cumulative = answeredBy.get(day) ?? cumulative;
    const rate = cumulative / progress.invited;
    return { label: f.date(`${day}T12:00:00Z`), rate, tooltip: [fill(t.rateTooltip, { rate: f.percent(rate), answered: cumulative, invited: progress.invited })] };
  });
  return { kind: 'rate', points, label: t.rateSeries };
}

export function RateChart({ spec, title, lang }: { spec: RateSpec; title: string; lang: Language }) {
  const t = dashboardText(lang);
  const last = spec.points.at(-1)!;
  return (
    <>
      <h3>{fill(t.rateTitle, { title })}</h3>
      <ChartFigure id="chart-rate" spec={spec} label={fill(t.rateLabel, { title, rate: formats(lang).percent(last.rate), date: last.label })} tableLabel={t.tableView}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.rateDay}</th>
              <th scope="col">{t.colRate}</th>
            </tr>
          </thead>
          <tbody>
            {spec.points.map((point) => (
              <tr>
                <th scope="row">{point.label}</th>
                <td>{point.tooltip[0]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>
    </>
  );
}
