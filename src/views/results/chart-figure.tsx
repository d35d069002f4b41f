import type { Child } from 'hono/jsx';
import type { ChartSpec } from '../../client/lib/charts/types.js';
import { EmbeddedJson } from '../catalogue/embedded-json.js';

/**
 * A chart the browser draws from the embedded data, summarised for screen
 * readers in its label, and the same numbers as a table under a disclosure.
 */
export function ChartFigure({ id, spec, label, tableLabel, children }: { id: string; spec: ChartSpec; label: string; tableLabel: string; children: Child }) {
  return (
    <figure class="chart-figure">
      <div class={`chart-box chart-${spec.kind}`}>
        <canvas data-spec={id} role="img" aria-label={label}></canvas>
      </div>
      <EmbeddedJson id={id} value={spec} />
      <details class="table-view">
        <summary>{tableLabel}</summary>
        {children}
      </details>
    </figure>
  );
}
