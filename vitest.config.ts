import { defineConfig } from 'vitest/config';

/**
 * One vitest run covers every package: node-side packages in a Node environment, the UI
 * in happy-dom. Integration tests (`*.int.test.ts`) start their own fake-pan on port 0.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'apps/*/test/**/*.test.ts',
          ],
          exclude: ['packages/ui/**', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Type tests (`*.test-d.ts`, expectTypeOf) run through tsc in the same command.
          typecheck: {
            enabled: true,
            include: ['packages/*/src/**/*.test-d.ts'],
            tsconfig: 'tsconfig.typecheck.json',
          },
        },
      },
      {
        // The renderer: React components and zustand stores in a DOM.
        test: {
          name: 'ui',
          environment: 'happy-dom',
          include: ['packages/ui/src/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
