import { defineConfig } from 'vitest/config';

// Two layers. `unit`: pure modules as tables and the engine in-process, with no processes, threads,
// browsers or whole command-line runs, fast enough for every change (`npm run test:unit`). `e2e`: the
// rest, run against the built code where worker threads need it (`npm run test:e2e`). `npm test` runs both.
const UNIT = [
  // Tables for single modules.
  'test/unit/**/*.test.ts',
  'test/plain-text.test.ts',
  'test/repair/dates.test.ts',
  'test/repair/numbers.test.ts',
  'test/sources/sniff.test.ts',
  'test/standards/postcode.test.ts',
  'test/standards/import/geometry-formats.test.ts',
  // Every code's wording, made by the catalog from typed facts.
  'test/issues/wording.test.ts',
  // The import graph keeps to its layers (a static reading of src/).
  'test/layers.test.ts',
  // The engine's pieces in-process, on bundled standards and generated input.
  'test/check/header-names.test.ts',
  'test/check/quick-record.test.ts',
  'test/io/key-runs.test.ts',
  'test/sources/parts-reader.test.ts',
  'test/sources/workbook.test.ts',
  // Formatters over stored reports: strings in, strings out.
  'test/formatters/csv.test.ts',
  'test/formatters/github.test.ts',
  'test/formatters/html.test.ts',
  'test/formatters/junit.test.ts',
  'test/formatters/markdown.test.ts',
  'test/formatters/report-fixtures.test.ts',
  'test/formatters/sarif.test.ts',
  'test/formatters/snapshots.test.ts',
  'test/formatters/stylish.test.ts',
];

export default defineConfig({
  test: {
    // Both cores (vitest would otherwise leave one free).
    maxWorkers: '100%',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT,
          // These files share no global state, so one module graph in threads saves the per-file start.
          // A file that mocks a module (vi.mock) needs a graph of its own, so it belongs in e2e.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: UNIT,
          // The command line in-process, spawned processes, worker threads, browsers, `npm pack`, the
          // stored report digests and the fuzz and differential budgets (larger with CONFORM_FULL_TESTS=1):
          // each file in its own process, since many change the environment or the working folder.
          pool: 'forks',
          // Worker threads (--jobs) run the built code: build it first when the sources are newer.
          globalSetup: ['test/batch/build-dist.ts'],
        },
      },
    ],
  },
});
