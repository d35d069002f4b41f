import type { Chart, ChartType, Plugin } from 'chart.js';
import { PALETTE } from './setup.js';
import type { Mark } from './types.js';

/** Top padding a chart with marks reserves for their labels, where no bar or line can cover them. */
export const MARK_ROOM = 18;

/**
 * Dashed vertical lines with a short label at given values of the x axis:
 * a version change on a trend's time axis, or a band limit on a profile's
 * value axis. A few lines of our own instead of chartjs-plugin-annotation.
 */
export function verticalMarks<T extends ChartType>(marks: Mark[]): Plugin<T> {
  return {
    id: 'verticalMarks',
    beforeDatasetsDraw(chart: Chart<T>) {
      const { ctx, chartArea } = chart;
      const axis = chart.scales.x!;
      ctx.save();
      ctx.strokeStyle = PALETTE.mark;
      ctx.fillStyle = PALETTE.mark;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 4]);
      ctx.font = `12px ${getComputedStyle(document.body).fontFamily}`;
      ctx.textBaseline = 'bottom';
      for (const mark of marks) {
        const x = axis.getPixelForValue(mark.x);
        if (x < chartArea.left || x > chartArea.right) continue;
        ctx.beginPath();
        ctx.moveTo(x, chartArea.top);
        ctx.lineTo(x, chartArea.bottom);
        ctx.stroke();
        // The label goes on its side of the line, pushed back inside the chart where it would run off.
        const width = ctx.measureText(mark.label).width;
        const from = mark.side === 'right' ? Math.min(x + 4, chartArea.right - width) : Math.max(x - 4 - width, chartArea.left);
        ctx.textAlign = 'left';
        ctx.fillText(mark.label, from, chartArea.top - 3);
      }
      ctx.restore();
    },
  };
}
