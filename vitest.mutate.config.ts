import { defineConfig } from 'vitest/config';

/**
 * The vitest config StrykerJS runs (`npm run mutate`, stryker.config.mjs): one project, unit and integration tests only
 * (no e2e, no bench, no durability or packaging runs). MUTATE_TESTS (comma-separated globs, set per group by
 * scripts/mutate.mjs) narrows it to the tests of the files being mutated; property tests read FC_RUNS (kept small).
 */
const include = (process.env.MUTATE_TESTS ?? 'test/unit/**/*.test.ts,test/db/**/*.test.ts,test/integration/**/*.test.ts,test/contract/**/*.test.ts')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

export default defineConfig({
  test: {
    include,
    exclude: ['test/e2e/**', 'test/bench/**', 'test/durability/**', 'test/packaging/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
