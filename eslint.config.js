import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only apps/desktop may import electron.' };

/**
 * Imports go one way: the contract and durable-file import no internal package; open-api and
 * fake-pan only those two (open-api's tests may also start fake-pan).
 */
function leafPackages() {
  const only = (files, allowed, ignores = []) => ({
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['@pandesk/*', ...allowed.map((name) => `!${name}`)],
              message: `This package may import only ${allowed.join(', ') || 'no internal package'}.`,
            },
          ],
        },
      ],
    },
  });
  return [
    only(['packages/contract/**/*.ts', 'packages/durable-file/**/*.ts'], []),
    only(
      ['packages/fake-pan/**/*.ts'],
      ['@pandesk/contract', '@pandesk/contract/*', '@pandesk/durable-file'],
    ),
    only(
      ['packages/open-api/**/*.ts'],
      ['@pandesk/contract', '@pandesk/contract/*'],
      ['packages/open-api/**/*.test.ts', 'packages/open-api/src/testing/**'],
    ),
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out/**',
      '**/release/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Plain-Node packages must never load Electron: outside Electron it tries a download.
    files: ['packages/**/*.ts', 'packages/**/*.tsx', 'apps/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  ...leafPackages(),
  {
    // The UI talks only to the contract, and only with types.
    files: ['packages/ui/**/*.ts', 'packages/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'electron',
                '@pandesk/backend',
                '@pandesk/open-api',
                '@pandesk/transfer',
                '@pandesk/pan-drive',
                '@pandesk/fake-pan',
              ],
              message: 'The UI may only import contract types.',
            },
          ],
        },
      ],
    },
  },
  {
    // Sync knows the cloud only through its SyncRemote port and transfers only through the
    // engine's types; pan-drive brings open-api to it, the back end assembles it.
    files: ['packages/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: [
                '@pandesk/open-api',
                '@pandesk/pan-drive',
                '@pandesk/backend',
                '@pandesk/fake-pan',
                '@pandesk/ui',
              ],
              message: 'sync imports contract and transfer only; the cloud comes in through SyncRemote.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine knows the cloud only through its DriveBackend port; the adapter (pan-drive)
    // brings open-api to it, never the other way round.
    files: ['packages/transfer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only apps/desktop may import electron.' }],
          patterns: [
            {
              group: ['@pandesk/open-api', '@pandesk/pan-drive', '@pandesk/backend', '@pandesk/fake-pan'],
              message: 'transfer imports contract types only; the cloud comes in through DriveBackend.',
            },
          ],
        },
      ],
    },
  },
);
