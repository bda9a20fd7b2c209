// @ts-check
/**
 * Lint for the app, the plugin, the tests and the scripts: typescript-eslint's recommended rules,
 * React hooks rules for the admin panel, and Prettier's formatting (eslint-config-prettier turns
 * off the style rules Prettier owns). `npm run lint` runs it and Prettier's check; `npm test`
 * runs that first.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '.tmp/**',
      '.strapi/**',
      'types/generated/**',
      'test-artifacts/**',
      'bench-results/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // loops that await on purpose say why, in a comment beside the directive
      'no-await-in-loop': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['plugins/gov-disclosure/admin/**/*.{ts,tsx}', 'src/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // tests and benchmarks wait for one thing after another (polling, a chain of steps) by design
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-await-in-loop': 'off' },
  },
  {
    // the portal indents sub-categories with an ideographic space (U+3000), as Chinese lists do
    files: ['plugins/gov-disclosure/server/src/portal-views/**'],
    rules: { 'no-irregular-whitespace': ['error', { skipTemplates: true }] },
  },
  prettier
);
