import { labelKey, type Labels, type Sample } from './exposition.js';

/** Counts per label set. */
export function createCounter() {
  const counts = new Map<string, { labels: Labels; value: number }>();
  return {
    add(labels: Labels, by = 1) {
      const key = labelKey(labels);
      const entry = counts.get(key) ?? { labels, value: 0 };
      entry.value += by;
      counts.set(key, entry);
    },
    samples: (): Sample[] => [...counts.values()].map(({ labels, value }) => ({ labels, value })),
  };
}

/** Request latencies in seconds: from a fast page to a slow export. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** A cumulative histogram per label set. */
export function createHistogram(buckets: readonly number[] = LATENCY_BUCKETS) {
  const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  return {
    observe(labels: Labels, value: number) {
      const key = labelKey(labels);
      const entry = series.get(key) ?? { labels, counts: buckets.map(() => 0), sum: 0, count: 0 };
      buckets.forEach((bound, i) => {
        if (value <= bound) entry.counts[i]!++;
      });
      entry.sum += value;
      entry.count++;
      series.set(key, entry);
    },
    samples(name: string): Sample[] {
      return [...series.values()].flatMap(({ labels, counts, sum, count }) => [
        ...buckets.map((bound, i) => ({ name: `${name}_bucket`, labels: { ...labels, le: String(bound) }, value: counts[i]! })),
        { name: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count },
        { name: `${name}_sum`, labels, value: sum },
        { name: `${name}_count`, labels, value: count },
      ]);
    },
  };
}
