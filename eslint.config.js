// Lint: typescript-eslint's recommended rules plus the import boundaries of docs/architecture.md.
// `npm run lint` fails on any violation; test/unit/lint-boundaries.test.ts proves it does.
import tseslint from 'typescript-eslint';
import { DOM_ONLY_GLOBALS, NODE_ONLY_GLOBALS, importBoundaries } from './eslint-boundaries.js';

const root = import.meta.dirname;
const restrict = (names, why) => names.map((name) => ({ name, message: `${name}: ${why}` }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**', 'test/fixtures*/**', 'test/bench/out/**', '**/*.generated.*', 'parsers/pprof/generated/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { leakline: { rules: { 'import-boundaries': importBoundaries(root) } } },
    rules: {
      'leakline/import-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
    },
  },
  {
    files: ['parsers/**', 'analysis/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrict(DOM_ONLY_GLOBALS, 'DOM-only; parsers and analysis also run in workers and under Node'),
        ...restrict(NODE_ONLY_GLOBALS, 'Node-only; parsers and analysis also run in the browser'),
      ],
    },
  },
  {
    files: ['renderer/**', 'preload/**', 'contract/**'],
    rules: { 'no-restricted-globals': ['error', ...restrict(NODE_ONLY_GLOBALS, 'Node-only; this code runs in a sandboxed page')] },
  },
  {
    files: ['bin/**/*.js', 'eslint-boundaries.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
