import type { Chart, Plugin } from 'chart.js';
import { PALETTE } from './setup.js';

type Interval = { low: number | null; high: number | null } | null;

/**
 * Draws each bar's 95 % interval as a whisker on the value axis of a
 * horizontal bar chart; Chart.js has no error bars of its own.
 */
export function errorBars(intervals: Interval[][]): Plugin<'bar'> {
  return {
    id: 'errorBars',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx, chartArea } = chart;
      const axis = chart.scales.x!;
      const clamp = (px: number) => Math.min(chartArea.right, Math.max(chartArea.left, px));
      ctx.save();
      ctx.strokeStyle = PALETTE.ink;
      ctx.lineWidth = 1.5;
      intervals.forEach((list, datasetIndex) => {
        if (!chart.isDatasetVisible(datasetIndex)) return;
        chart.getDatasetMeta(datasetIndex).data.forEach((bar, i) => {
          const ci = list[i];
          if (!ci || ci.low === null || ci.high === null) return;
          const { y, height } = bar.getProps(['y', 'height'], true) as unknown as { y: number; height: number };
          const [from, to] = [clamp(axis.getPixelForValue(ci.low)), clamp(axis.getPixelForValue(ci.high))];
          const cap = Math.max(3, height * 0.28);
          ctx.beginPath();
          ctx.moveTo(from, y);
          ctx.lineTo(to, y);
          ctx.moveTo(from, y - cap);
          ctx.lineTo(from, y + cap);
          ctx.moveTo(to, y - cap);
          ctx.lineTo(to, y + cap);
          ctx.stroke();
        });
      });
      ctx.restore();
    },
  };
}
