import { defineConfig } from 'vitest/config';

// Property tests use a fixed seed so that a failure replays; FC_SEED overrides it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
