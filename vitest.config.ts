import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    // The machines are shared: keep workers to the two cores we have.
    maxWorkers: 2,
  },
});
