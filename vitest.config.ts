import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // kuromoji takes ~0.6 s and ~370 MB per loaded dictionary; end-to-end tests run whole batches.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
