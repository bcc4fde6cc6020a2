/**
 * Mutation testing (`pnpm mutate`): StrykerJS changes the code where losing data is possible,
 * one small change at a time, and runs the tests that cover it; a mutant the tests do not
 * notice ("survived") marks a behaviour no test pins down. The report lands in
 * reports/mutation/.
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/durable-file/src/index.ts',
    'packages/transfer/src/download/segment-ledger.ts',
    'packages/transfer/src/download/place-file.ts',
    'packages/transfer/src/journal/ownership.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['reports', 'e2e', 'apps/*/dist', 'apps/*/out', 'apps/*/release', '**/test-results'],
};
