import { Chart, type Plugin } from 'chart.js';
import { PALETTE } from './setup.js';
import type { TrendSpec } from './types.js';
import { MARK_ROOM, verticalMarks } from './vertical-marks.js';

const DAY_MS = 86_400_000;

/**
 * A round between two withheld ones has no neighbour to spread a band to, so
 * its interval is drawn as a short band of its own.
 */
function isolatedIntervals(spec: TrendSpec): Plugin<'line'> {
  const shown = (i: number) => spec.points[i]?.mean != null;
  return {
    id: 'isolatedIntervals',
    beforeDatasetsDraw(chart) {
      const { ctx } = chart;
      const [x, y] = [chart.scales.x!, chart.scales.y!];
      ctx.save();
      ctx.fillStyle = PALETTE.band;
      spec.points.forEach((point, i) => {
        if (!shown(i) || shown(i - 1) || shown(i + 1) || point.low === null || point.high === null) return;
        const top = y.getPixelForValue(point.high);
        ctx.fillRect(x.getPixelForValue(point.x) - 6, top, 12, y.getPixelForValue(point.low) - top);
      });
      ctx.restore();
    },
  };
}

/**
 * One rule over time: the interval as a shaded band between a low and a high
 * line, the mean on top. The x axis is time, so uneven gaps between rounds look
 * uneven; its ticks are the rounds themselves.
 */
export function trendChart(canvas: HTMLCanvasElement, spec: TrendSpec): Chart<'line'> {
  const xs = spec.points.map((p) => p.x);
  const span = Math.max(...xs) - Math.min(...xs);
  const pad = Math.max(span * 0.08, 20 * DAY_MS);
  const labelOf = new Map(spec.ticks.map((tick) => [tick.x, tick.label]));
  const line = (key: 'mean' | 'low' | 'high') => spec.points.map((p) => ({ x: p.x, y: p[key] }));
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: spec.labels.interval, data: line('low'), borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false },
        { label: spec.labels.interval, data: line('high'), borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: '-1', backgroundColor: PALETTE.band },
        { label: spec.labels.mean, data: line('mean'), borderColor: PALETTE.current, backgroundColor: PALETTE.current, borderWidth: 2.5, pointRadius: 4, pointHoverRadius: 6 },
      ],
    },
    options: {
      layout: { padding: { top: MARK_ROOM } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: Math.min(...xs) - pad,
          max: Math.max(...xs) + pad,
          // The rounds are the ticks: a time axis without a date adapter.
          afterBuildTicks: (axis) => {
            axis.ticks = spec.ticks.map((tick) => ({ value: tick.x }));
          },
          ticks: { maxRotation: 0, autoSkip: true, callback: (value) => labelOf.get(Number(value)) ?? '' },
          grid: { display: false },
        },
        y: { min: spec.scale.min, max: spec.scale.max, ticks: { stepSize: 1 } },
      },
      plugins: {
        legend: { position: 'bottom', onClick: () => undefined, labels: { boxWidth: 14, filter: (item) => item.datasetIndex !== 0 } },
        tooltip: {
          filter: (item) => item.datasetIndex === 2,
          callbacks: {
            title: (items) => spec.points[items[0]?.dataIndex ?? 0]?.title ?? '',
            label: (item) => spec.points[item.dataIndex]?.tooltip ?? '',
          },
        },
      },
    },
    plugins: [verticalMarks<'line'>(spec.versionMarks), isolatedIntervals(spec)],
  });
}
