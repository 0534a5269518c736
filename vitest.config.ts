// The suite in projects, so that the everyday loop is quick: `npm run test:unit` (core, run, port, CSV; no
// external programs) runs in about a minute; `npm test` still runs every project. `npx vitest run --project hosts` runs one of them.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

/** Large-data sweeps and generated cases (fuzz, property tests): minutes, not seconds. */
const SLOW = [
  'test/fuzz/**/*.test.ts',
  'test/**/large.test.ts',
  'test/**/*online-retail*.test.ts',
  'test/**/properties.test.ts',
  'test/core/sql/equivalence.test.ts',
  'test/hosts/office/faults.test.ts',
  'test/hosts/office/responsive.test.ts',
];

/** Run tests that start LibreOffice or Python (openpyxl) to read what we wrote: with the hosts, not the quick loop. */
const EXTERNAL = ['test/run/action-sheets.test.ts', 'test/run/ownership.test.ts', 'test/run/summaries-print.test.ts', 'test/run/grade-file.test.ts', 'test/run/handbook-render.test.ts'];

/** Tests that need a DOM (happy-dom): the task pane's components and the standalone page's host. */
const DOM = ['test/taskpane/**/*.test.tsx', 'test/hosts/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // The worker count follows the machine (a shared 2-core box, or a developer's laptop).
    maxWorkers: Math.max(1, os.availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/run/**/*.test.ts', 'test/port/**/*.test.ts', 'test/hosts/file/csv*.test.ts', 'test/scripts/**/*.test.ts'],
          exclude: [...SLOW, ...EXTERNAL],
        },
      },
      {
        extends: true,
        test: {
          name: 'hosts',
          include: ['test/hosts/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/template/**/*.test.ts', 'test/support/**/*.test.ts', ...EXTERNAL],
          exclude: [...SLOW, ...DOM, 'test/hosts/file/csv*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'ui', include: DOM, exclude: SLOW, environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts', 'test/build/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'slow', include: SLOW },
      },
    ],
  },
});
