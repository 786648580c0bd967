// Lint: the recommended JavaScript and TypeScript rules over the sources, tests, scripts and benchmarks.
// Not type-aware, so the whole tree lints in seconds.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Built output, and test data whose bytes matter (only the scripts that make fixtures are code).
    ignores: ['dist/**', 'node_modules/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Escaping and sanitising output means matching control characters on purpose.
      'no-control-regex': 'off',
      // A leading underscore marks a value left out on purpose (a destructured field dropped, an unused callback argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Mistakes that type-checking lets through: loose equality, comparing a value with itself, a loop whose
      // condition never changes or whose body always exits, a callback to map/filter that returns nothing.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-self-compare': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-constructor-return': 'error',
      'array-callback-return': 'error',
    },
  },
  {
    // CommonJS config files (dependency-cruiser reads its config with require).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read parsed JSON reports and schemas, whose shape the assertions themselves check.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
