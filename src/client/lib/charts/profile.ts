import { Chart } from 'chart.js';
import { errorBars } from './error-bars.js';
import { fitHeight, isNarrow, PALETTE, wrapLabel } from './setup.js';
import type { ProfileSpec } from './types.js';
import { MARK_ROOM, verticalMarks } from './vertical-marks.js';

/** The network profile: one horizontal bar per rule with its interval, the previous round's bar above it in grey. */
export function profileChart(canvas: HTMLCanvasElement, spec: ProfileSpec): Chart<'bar'> {
  const perRow = spec.series.length > 1 ? 56 : 38;
  fitHeight(canvas, spec.categories.length * (isNarrow(canvas) ? perRow + 10 : perRow) + 110);
  const intervals = spec.series.map((s) => s.points.map((p) => (p ? { low: p.low, high: p.high } : null)));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.categories.map((label) => wrapLabel(label, canvas)),
      datasets: spec.series.map((series) => ({
        label: series.name,
        data: series.points.map((p) => p?.mean ?? null),
        backgroundColor: series.current ? PALETTE.current : PALETTE.previous,
        categoryPercentage: 0.8,
        barPercentage: 0.9,
      })),
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { top: MARK_ROOM } },
      scales: {
        x: { min: spec.scale.min, max: spec.scale.max, ticks: { stepSize: 1 }, title: { display: true, text: spec.scale.title } },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', onClick: () => undefined },
        tooltip: {
          callbacks: {
            title: (items) => spec.categories[items[0]!.dataIndex] ?? '',
            label: (item) => spec.series[item.datasetIndex]!.points[item.dataIndex]?.tooltip ?? '',
          },
        },
      },
    },
    plugins: [errorBars(intervals), verticalMarks<'bar'>(spec.marks)],
  });
}
