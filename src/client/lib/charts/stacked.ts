import { Chart } from 'chart.js';
import { fitHeight, isNarrow, PALETTE, scaleColours, wrapLabel } from './setup.js';
import type { StackedSpec } from './types.js';

/**
 * Answer distributions as 100 % stacked horizontal bars, one per rule; with two
 * stacks the earlier round's bar comes first and paler, as the text above the
 * chart also says.
 */
export function stackedChart(canvas: HTMLCanvasElement, spec: StackedSpec): Chart<'bar'> {
  const colours = scaleColours(spec.scale.length);
  const lastStack = spec.stacks.length - 1;
  const perRow = spec.stacks.length > 1 ? 62 : 40;
  const narrow = isNarrow(canvas);
  // On a phone the legend stacks into a tall column of its own.
  fitHeight(canvas, spec.categories.length * (narrow ? perRow + 12 : perRow) + (narrow ? 200 : 120));
  const percent = new Intl.NumberFormat(document.documentElement.lang, { style: 'percent' });
  const datasets = spec.stacks.flatMap((stack, s) =>
    spec.scale.map((label, option) => ({
      label,
      stack: String(s),
      data: stack.shares[option]!.map((share) => share * 100),
      // Hex alpha: the earlier round's bar at 55 % opacity.
      backgroundColor: s < lastStack ? `${colours[option]}8c` : colours[option],
      // A dark outline sets every segment apart, light ones too (WCAG 1.4.11: 3:1 against what is next to it).
      borderColor: PALETTE.muted,
      borderWidth: 1,
      categoryPercentage: 0.82,
      barPercentage: 0.92,
    })),
  );
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: spec.categories.map((label) => wrapLabel(label, canvas)), datasets },
    options: {
      indexAxis: 'y',
      scales: {
        x: { stacked: true, min: 0, max: 100, ticks: { stepSize: narrow ? 50 : 25, maxRotation: 0, callback: (value) => percent.format(Number(value) / 100) } },
        // Every rule keeps its label, however little room there is.
        y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: {
          position: 'top',
          onClick: () => undefined,
          // One legend entry per answer option, not one per option and round.
          labels: { boxWidth: 14, filter: (item) => (item.datasetIndex ?? 0) >= lastStack * spec.scale.length },
        },
        tooltip: {
          callbacks: {
            title: (items) => {
              const stack = spec.stacks[Number(items[0]!.dataset.stack)]!;
              const category = spec.categories[items[0]!.dataIndex] ?? '';
              return spec.stacks.length > 1 ? `${category} · ${stack.name}` : category;
            },
            label: (item) => {
              const option = item.datasetIndex % spec.scale.length;
              return spec.stacks[Number(item.dataset.stack)]!.tooltips[option]![item.dataIndex] ?? '';
            },
          },
        },
      },
    },
  });
}
