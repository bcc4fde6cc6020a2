import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only apps/desktop may import electron.' }] },
      ],
    },
  },
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
