// ESLint flat config. The rules that shape the house: src/core stays pure, and each folder imports only the
// folders below it (scripts/layers.json, also checked exactly with cycles by scripts/import-graph.ts).
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import * as espree from 'espree';

const LAYERS = JSON.parse(readFileSync(new URL('./scripts/layers.json', import.meta.url), 'utf8'));
/** Packages the pure core may import: data validation only. */
const CORE_ALLOWED_PACKAGES = LAYERS.core.packages;
const TOP = [...new Set(LAYERS.layers.map((l) => l.folder.split('/')[0]))];

/**
 * A specifier pattern for a folder this layer may not import. Top-level folders are matched by name
 * ('../hosts/x.ts'); a sibling under the same parent ('hosts/file' from 'hosts/office') as '../office/…'.
 */
function forbiddenPattern(own, folder) {
  const [top, sub] = folder.split('/');
  const [ownTop] = own.split('/');
  const message = `src/${own} may not import src/${folder} (the layers are in scripts/layers.json; README, Layout).`;
  if (sub && top === ownTop) return { regex: `^(\\.\\./)+${sub}(/|$)`, message };
  return { regex: `(^|/)${top}${sub ? `/${sub}` : ''}(/|$)`, message };
}

/** One config per layer (and one for its entry files): no-restricted-imports over the folders it may not import. */
function layerConfigs() {
  const all = LAYERS.layers.map((l) => l.folder);
  const configs = [];
  const rule = (own, may) => {
    // A whole top-level folder that is allowed in part (cli → hosts/file) is restricted by its other parts.
    const forbidden = all.filter((f) => f !== own && !may.includes(f) && !(f.startsWith(`${own}/`) || own.startsWith(`${f}/`)));
    const patterns = [];
    for (const top of TOP) {
      const parts = forbidden.filter((f) => f.split('/')[0] === top);
      const whole = all.filter((f) => f.split('/')[0] === top);
      if (parts.length && parts.length === whole.length && top !== own.split('/')[0]) patterns.push(forbiddenPattern(own, top));
      else for (const f of parts) patterns.push(forbiddenPattern(own, f));
    }
    return patterns;
  };
  for (const layer of LAYERS.layers) {
    if (layer.folder === 'core') continue; // core has its own, stricter block below
    const files = [`src/${layer.folder}/**/*.{ts,tsx}`];
    const entries = (layer.entries?.files ?? []).map((e) => `src/${layer.folder}/${e.endsWith('/') ? `${e}**/*.{ts,tsx}` : e}`);
    configs.push({ files, ignores: entries, rules: { 'no-restricted-imports': ['error', { patterns: rule(layer.folder, layer.mayImport) }] } });
    if (entries.length) configs.push({ files: entries, rules: { 'no-restricted-imports': ['error', { patterns: rule(layer.folder, layer.entries.mayImport) }] } });
  }
  return configs;
}

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
              regex: `(^|/)(${TOP.filter((t) => t !== 'core').join('|')})(/|$)`,
              message: 'src/core is the bottom layer: it must not import the port, run, hosts, task pane or CLI.',
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
        ...LAYERS.core.forbiddenGlobals.map(
          (name) => ({ name, message: `src/core is pure: ${name} belongs to a host.` }),
        ),
      ],
    },
  },
  ...layerConfigs(),
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
