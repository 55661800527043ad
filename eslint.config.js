// ESLint (flat config): a short, deliberate rule set. `npm run lint` (`eslint .`); part of `npm run check`,
// which `npm test` runs first. Rules the compiler already enforces are left to it: unused
// locals and parameters (tsconfig noUnused*), type-only imports (verbatimModuleSyntax),
// implicit any, fallthrough and implicit returns (astro/tsconfigs/strictest).
// .astro files are checked by `astro check`, not linted here.
import js from '@eslint/js';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** What git ignores (build output, caches, scratch folders) as ESLint ignore patterns. */
function gitIgnored() {
  const toGlob = (line) => {
    const dir = line.endsWith('/');
    const path = line.replace(/\/$/, '');
    const glob = path.startsWith('/') ? path.slice(1) : `**/${path}`;
    return dir ? `${glob}/**` : glob;
  };
  return readFileSync(new URL('.gitignore', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => (line.startsWith('!') ? `!${toGlob(line.slice(1))}` : toGlob(line)));
}

export default defineConfig(
  {
    // Data folders used as test fixtures hold no code.
    ignores: [...gitIgnored(), 'test/fixtures/**'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    // Scripts inside .astro files are linted by the .astro rules below, without type information.
    ignores: ['**/*.astro/*'],
    languageOptions: {
      parser: tseslint.parser,
      // Type-aware rules read the project's tsconfig through the TypeScript project service.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error: a failed write or build step would pass silently.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async callback where a plain one is expected (forEach, event handlers) drops its rejection.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Awaiting a non-promise hides a missing call or a wrong type.
      '@typescript-eslint/await-thenable': 'error',
      // `any` switches the type checker off for everything it touches; use unknown and narrow.
      '@typescript-eslint/no-explicit-any': 'error',
      // Throwing strings or objects loses the stack trace and breaks `instanceof Error` handling.
      '@typescript-eslint/only-throw-error': 'error',
      // A switch over a union (stages, indicator methods, rule kinds) must handle a newly added member.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `==` coerces ('' == 0); `x == null` stays allowed as the idiom for null or undefined.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A binding that never changes says so; `let` then marks the ones that do.
      'prefer-const': 'error',
      // Leftover debugger statements must never ship.
      'no-debugger': 'error',
      // `x = x` and `a !== a` are slips the compiler lets through (use Number.isNaN).
      'no-self-assign': 'error',
      'no-self-compare': 'error',
    },
  },
  {
    // Library code reports through return values and located errors; printing belongs to the
    // command-line scripts (scripts/) that call it, and to src/build/, the build process's own
    // environment (its notices, such as a deprecated variable name, go to the build's log).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/build/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // Builds must be byte-for-byte reproducible: no unseeded randomness or wall-clock time in
    // anything that produces output (the sample generator uses its own seeded generator).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/components/islands/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Outputs must be reproducible: use a seeded generator.' },
        { object: 'Date', property: 'now', message: 'Outputs must be reproducible: take dates from the data.' },
      ],
    },
  },
  // .astro files: types are `astro check`'s job; these rules need no type information.
  ...astro.configs.base,
  {
    files: ['**/*.astro'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-debugger': 'error',
      'no-console': 'error',
      // set:html bypasses Astro's escaping: hostile data (names, Markdown) must never reach the
      // page unescaped. The showcase page is the one exception: it renders Markdown that
      // src/ingest/markdown.ts has already escaped and whose links it has checked.
      'astro/no-set-html-directive': 'error',
    },
  },
  {
    files: ['src/pages/[[]...lang]/showcase/[[]slug].astro'],
    rules: { 'astro/no-set-html-directive': 'off' },
  },
  {
    // This file and other plain JavaScript: the recommended core rules only.
    files: ['**/*.{js,mjs}'],
    ...js.configs.recommended,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
