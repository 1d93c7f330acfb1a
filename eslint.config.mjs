// Lint rules, including the layering of the codebase (see docs/architecture.md).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url'];
const nodePatterns = ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((name) => `${name}/*`)];

/** Bans imports by pattern, and bare module names also through import() and require(). */
function restrict(patterns, message) {
  const bare = patterns
    .filter((p) => !p.includes('/') || p.startsWith('node:'))
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
  const names = `/^(${bare.join('|')})$/`;
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=${names}]`, message },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=${names}]`, message },
    ],
  };
}

export default defineConfig([
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'sync-data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-base-to-string': [
        'error',
        {
          ignoredTypeNames: [
            'Error',
            'RegExp',
            'URL',
            'URLSearchParams',
            'YText',
            'YXmlText',
            'YXmlFragment',
            'YXmlElement',
          ],
        },
      ],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // shared/: pure TypeScript — no DOM, Node, Electron, React; Yjs only in shared/doc.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/doc/**'],
    rules: restrict(
      [
        ...nodePatterns,
        'electron',
        'react',
        'react-dom',
        'yjs',
        'y-*',
        '**/electron/**',
        '**/renderer/**',
      ],
      'shared/ is pure: no Node, Electron, React or Yjs outside shared/doc.',
    ),
  },
  {
    files: ['shared/doc/**/*.ts'],
    rules: restrict(
      [...nodePatterns, 'electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
      'shared/doc may use Yjs, nothing platform-specific.',
    ),
  },
  // electron/main and preload: may use Electron and Node, never the renderer.
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict(
      ['react', 'react-dom', '**/renderer/**', 'yjs', 'y-*'],
      'The main process sees only shared/.',
    ),
  },
  // The sync server runs in plain Node: never Electron (its binary cannot load there), React,
  // the renderer or the main process.
  {
    files: ['electron/sync-server/**/*.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', '**/renderer/**', '**/electron/main/**'],
      'The sync server is Node only: no Electron, React, renderer or main-process code.',
    ),
  },
  // The renderer: no Electron, no Node; Yjs and y-indexeddb only in the platform seam.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/platform/**'],
    rules: restrict(
      [
        ...nodePatterns,
        'electron',
        '**/electron/**',
        'yjs',
        'y-indexeddb',
        'y-protocols',
        'y-protocols/*',
        '@hocuspocus/*',
      ],
      'Components use the typed JournalDoc and the platform seam, never Yjs, bridges or Node.',
    ),
  },
  {
    files: ['renderer/src/platform/**/*.ts'],
    rules: restrict(
      [...nodePatterns, 'electron', '**/electron/**'],
      'The renderer never imports Electron or Node.',
    ),
  },
  // Node-side tests never import Electron (it would try to download its binary), nor the
  // two entry files that do; every other module under electron/ takes Electron's APIs as
  // parameters and is tested with fakes. The package is matched by name: a bare 'electron'
  // pattern would also match every path through an electron/ folder.
  {
    files: ['tests/unit/**/*.ts', 'tests/integration/**/*.ts', 'tests/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Pass fakes of Electron APIs instead.' }],
          patterns: [
            { regex: '^electron/', message: 'Pass fakes of Electron APIs instead.' },
            {
              group: ['**/electron/main/index', '**/electron/preload/index'],
              message: 'Pass fakes of Electron APIs instead.',
            },
          ],
        },
      ],
      'no-restricted-syntax': restrict(['electron'], 'Pass fakes of Electron APIs instead.')[
        'no-restricted-syntax'
      ],
    },
  },
]);
