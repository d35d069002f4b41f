import { Chart } from 'chart.js';
import { PALETTE } from './setup.js';
import type { RateSpec } from './types.js';

/** The cumulative response rate as a filled line from 0 to 100 %; the days are the axis. */
export function rateChart(canvas: HTMLCanvasElement, spec: RateSpec): Chart<'line'> {
  const percent = new Intl.NumberFormat(document.documentElement.lang, { style: 'percent', maximumFractionDigits: 0 });
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: spec.points.map((p) => p.label),
      datasets: [
        {
          label: spec.label,
          data: spec.points.map((p) => p.rate),
          borderColor: PALETTE.current,
          backgroundColor: PALETTE.band,
          fill: 'origin',
          borderWidth: 2.5,
          pointRadius: spec.points.length > 20 ? 0 : 3,
        },
      ],
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { maxRotation: 0, autoSkip: true }, grid: { display: false } },
        y: { min: 0, max: 1, ticks: { stepSize: 0.25, callback: (value) => percent.format(Number(value)) } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => spec.points[item.dataIndex]?.tooltip ?? '' } },
      },
    },
  });
}
