import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests run the real CLI in-process against the built code and TypeScript sources alike.
    pool: 'forks',
    // Worker threads (--jobs) run the built code: build it first when the sources are newer.
    globalSetup: ['test/batch/build-dist.ts'],
  },
});
