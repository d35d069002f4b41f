import type { TestApp } from '../helpers/app.js';

export const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

/** GET /metrics with the bearer token, as Prometheus scrapes it. */
export async function scrape(t: TestApp): Promise<string> {
  const response = await t.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

/** The value of one sample, by name and exact labels; undefined when the series does not exist. */
export function sampleOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2] ? match[2].split(',') : [];
    if (present.length === wanted.length && wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}
