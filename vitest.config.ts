import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests share one Chromium per file; two files at a time fit a 2-core machine.
    maxWorkers: 2,
  },
});
