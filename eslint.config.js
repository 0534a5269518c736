// ESLint flat config. The one rule that shapes the house: src/core stays pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import * as espree from 'espree';

/** Packages the pure core may import: data validation only. */
const CORE_ALLOWED_PACKAGES = ['zod'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The task pane's loader runs in the oldest webview Office may give the pane (IE11): ES5, parsed as ES5.
    files: ['src/taskpane/loader.es5.js'],
    languageOptions: { parser: espree, ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser, Office: 'readonly', Promise: 'readonly', Intl: 'readonly' } },
    rules: { '@typescript-eslint/no-unused-vars': 'off', '@typescript-eslint/consistent-type-imports': 'off', 'no-unused-vars': ['error', { caughtErrors: 'none' }], 'no-var': 'off', 'prefer-rest-params': 'off' },
  },
  {
    // The shared scoring module: no Office.js, DOM, React or Node. Relative imports and zod only.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(port|hosts|taskpane|cli)(/|$)',
              message: 'src/core is the bottom layer: it must not import the port, hosts, task pane or CLI.',
            },
            {
              regex: `^(?!\\.{1,2}/)(?!(${CORE_ALLOWED_PACKAGES.join('|')})(/|$))`,
              message: 'src/core is pure TypeScript: import only relative modules or zod (no Office.js, DOM, React or Node).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'Office', 'Excel', 'process', 'require', 'Buffer', '__dirname', 'localStorage', 'fetch'].map(
          (name) => ({ name, message: `src/core is pure: ${name} belongs to a host.` }),
        ),
      ],
    },
  },
  {
    // The Office.js host: Microsoft's add-in rules, as errors. Only the plugin's rules are used: its own
    // "recommended" config brings prettier and an older typescript-eslint parser, while these rules run on
    // the AST our typescript-eslint 8 parser already gives (they need no type information).
    files: ['src/hosts/office/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    languageOptions: { globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' } },
    rules: {
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
    },
  },
);
