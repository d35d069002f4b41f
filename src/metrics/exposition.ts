/** Prometheus text exposition format, version 0.0.4: what /metrics answers. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Readonly<Record<string, string>>;
export type Sample = { name?: string; labels?: Labels; value: number };

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function line(name: string, labels: Labels | undefined, value: number): string {
  const pairs = Object.entries(labels ?? {}).map(([key, v]) => `${key}="${escapeLabel(v)}"`);
  const shown = Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  return `${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${shown}`;
}

/** One metric family: its HELP and TYPE lines and its samples (a sample's own name for a histogram's _bucket, _sum, _count). */
export function family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string, samples: readonly Sample[]): string {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples.map((s) => line(s.name ?? name, s.labels, s.value))].join('\n');
}

/** A stable key for a label set, so equal labels count together. */
export const labelKey = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
