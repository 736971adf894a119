import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built app served by a real server on a fresh embedded database, driven by
 * playwright-core in Debian's Chromium. Run by `npm run test:browser` and by .ci/run.
 */
export default defineConfig({
  test: {
    name: 'browser',
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
