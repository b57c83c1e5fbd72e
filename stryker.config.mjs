// StrykerJS over the safety code (issue 15 point 1). Run through `npm run mutate` (scripts/mutate.mjs), which runs
// one group of files at a time with its own tests and incremental file; see docs/mutation.md.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  incremental: true,
  checkers: [],
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${process.env.MUTATE_GROUP ?? 'all'}.json` },
  htmlReporter: { fileName: `reports/mutation/${process.env.MUTATE_GROUP ?? 'all'}.html` },
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'release', 'docs', 'reports', 'test/e2e', 'test/bench', 'test/durability', 'test/packaging', '.stryker-tmp'],
  thresholds: { high: 90, low: 80, break: null },
};
