import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'];

// Where code may run is checked, not remembered: src-shared is pure, the
// services and the database know nothing of Electron, and the renderer only
// talks to the main process through the contract.
export default tseslint.config(
  { ignores: ['out', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...nodeBuiltins,
                'electron',
                'better-sqlite3',
                'kysely',
                'react',
                'react-dom',
              ],
              message: 'src-shared is pure TypeScript: no Node, Electron, database or DOM imports.',
            },
            {
              group: [
                '**/src-main/**',
                '**/src-renderer/**',
                '../../src-main/*',
                '../../src-renderer/*',
              ],
              message: 'src-shared depends on nothing else in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src-main/services/**/*.ts',
      'src-main/db/**/*.ts',
      'src-main/changes/**/*.ts',
      'src-main/host/**/*.ts',
      'src-main/cli/**/*.ts',
      'src-main/documents/**/*.ts',
      'src-main/backend.ts',
      'src-main/handlers.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Services, the database, the host and the CLI run without Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The window's today is the backend's (src-renderer/src/clock.tsx):
      // the computer's own clock would disagree with the host and the tests.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            "Read today from the app's clock (useToday / useNow in clock.tsx), not new Date().",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Read the time from the app's clock (useNow in clock.tsx), not Date.now().",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely'],
              message: 'The renderer reaches data only through the contract (window.api).',
            },
            {
              group: ['**/src-main/**'],
              message: 'The renderer reaches the main process only through the contract.',
            },
          ],
        },
      ],
    },
  },
);
