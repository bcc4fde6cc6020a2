import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`pnpm mutate`): the focused unit tests of the
 * code that decides whether bytes on disk are kept or lost. The engine's wider tests and the
 * integration tests over fake-pan are left to `pnpm test`: repeated for every mutant they
 * would take hours on a two-core machine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'packages/durable-file/src/index.test.ts',
      'packages/transfer/src/download/segment-ledger.test.ts',
      'packages/transfer/src/download/download-safety.test.ts',
      'packages/transfer/src/journal/ownership.test.ts',
    ],
    testTimeout: 60_000,
  },
});
