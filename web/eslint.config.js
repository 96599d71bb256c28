// ESLint for the web client: typescript-eslint's type-aware recommended rules and the rules of
// hooks (Preact's hooks follow React's). Style is left to the code's own habits; errors are bugs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Screens load once when they open (an effect with []); listing every dependency would reload them.
      'react-hooks/exhaustive-deps': 'off',
      // Preact and timers call an async handler and ignore its promise; the handlers catch their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
      // Screens start their loading in an effect without awaiting it; each loader catches its own errors.
      '@typescript-eslint/no-floating-promises': 'off',
      // A form answer is a union narrowed by its field's type, not by TypeScript: String() is on scalars there.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests read mocks' untyped calls and fake async APIs; these rules only add noise there.
    files: ['**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['sw/**/*.js'],
    // The build replaces __SHELL_VERSION__ and __SHELL_FILES__ in the template.
    languageOptions: { globals: { ...globals.serviceworker, __SHELL_VERSION__: 'readonly', __SHELL_FILES__: 'readonly' } },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
