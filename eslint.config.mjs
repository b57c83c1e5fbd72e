// ESLint flat config: typescript-eslint's type-checked recommended rules over every TypeScript file the project
// type-checks (tsconfig.json), plus eslint-plugin-react-hooks over the renderer. `npm run lint` runs it inside `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';

/** The Node globals the .mjs scripts use (no extra dependency for the full list). */
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
    'setImmediate', 'TextEncoder', 'TextDecoder', 'fetch', 'AbortController', 'structuredClone', 'performance',
    'queueMicrotask'].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'reports/**', '.stryker-tmp/**', 'test/fixtures/ooxml-schemas/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // React discards an event handler's return value, and every async handler in the renderer runs its work through
      // useAction().run (renderer/ui/kit.tsx), which catches and shows the error. Everywhere else (callbacks given to
      // Node, timers, listeners) a promise where void is expected stays an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Matching control characters is the point of the sanitiser, the file-name checks and their tests (docx writes
      // raw U+0000–U+001F, U+FFFE and U+FFFF unless stripped).
      'no-control-regex': 'off',
      // A leading underscore marks a parameter or a destructured field left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // wink-nlp declares its `its` helpers as methods, but they are plain functions meant to be passed by value
    // (doc.tokens().out(its.value)), as its documentation does.
    files: ['shared/suggestions/nlp.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Test fakes implement the app's async interfaces (api.call, dialogs, hosts) with values ready at once.
    // vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed `any`, and are meant to be placed
    // inside expected objects.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The fake of Electron and the tests that drive it through it: Electron's own IPC and event signatures take and
    // return `any[]` (ipcMain.handle, webContents.on), and the fake mirrors them.
    files: ['test/unit/electron-fake.ts', 'test/unit/electron-*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // Plain JavaScript build and tool scripts: lint them without type information (they are not in tsconfig.json).
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
);
