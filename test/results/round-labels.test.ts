import { describe, expect, it } from 'vitest';
import { formats } from '../../src/views/results/format.js';

describe('round labels on charts and comparisons', () => {
  it('names rounds by month, and by day when two rounds share a month', () => {
    expect(formats('fi').roundLabels(['2026-02-14T09:00:00.000Z', '2026-05-20T09:00:00.000Z'])).toEqual(['2/2026', '5/2026']);
    expect(formats('fi').roundLabels(['2026-05-04T09:00:00.000Z', '2026-05-20T09:00:00.000Z'])).toEqual(['4.5.2026', '20.5.2026']);
    expect(formats('en').roundLabels(['2026-05-04T09:00:00.000Z', '2026-05-20T09:00:00.000Z'])).toEqual(['4 May 2026', '20 May 2026']);
  });
});
