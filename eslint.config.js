// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * SQL lives only in a module's `repo/` (and its `*.indicators.ts` read model): a use case, a
 * service, a route or a presenter neither imports Kysely nor builds a query (docs/architecture.md).
 */
const SQL_ONLY_IN_REPOS = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'kysely', message: 'SQL belongs in the module repo/ (docs/architecture.md).' }],
      patterns: [
        {
          group: ['**/db/database.js'],
          message: 'Open transactions through platform/context and query through the module repo/.',
          allowTypeImports: true,
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector:
        'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]',
      message: 'Queries belong in the module repo/ (docs/architecture.md).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'var/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['packages/server/src/modules/**/*.ts'],
    ignores: ['**/repo/**', '**/*.indicators.ts', '**/*.test.ts'],
    rules: SQL_ONLY_IN_REPOS,
  },
);
