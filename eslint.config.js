import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noUiInCore = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: 'app/sim and app/k8s never import React (DESIGN.md §1).',
    },
    {
      group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*'],
      message: 'app/sim and app/k8s never import Monaco.',
    },
    { group: ['**/ui/**', '**/ui'], message: 'app/sim and app/k8s never import app/ui.' },
    { group: ['**/scenario/**', '**/cli/**'], message: 'Imports point down only (DESIGN.md §1).' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'e2e/artifacts',
      'test-results',
      'playwright-report',
      'app/k8s/schema/k8s.schema.json',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['app/ui/**/*.{ts,tsx}', 'app/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['app/sim/**/*.ts', 'app/k8s/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', noUiInCore],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'setTimeout',
        'setInterval',
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'The engine is deterministic: use the simulated clock.',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'The engine is deterministic: no randomness.',
        },
      ],
    },
  },
  {
    files: ['app/k8s/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noUiInCore.patterns,
            { group: ['**/sim/**', '**/sim'], message: 'app/k8s sits below app/sim.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/sim/**/*.test.ts', 'app/sim/**/*.bench.ts', 'app/k8s/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
);
