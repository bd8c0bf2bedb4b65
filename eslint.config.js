// Lint, with the architecture's import boundaries (DESIGN.md) as rules. Each rule's
// message says why the boundary exists, so a developer who trips it knows what to do.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const DB_PACKAGES = ['kysely', 'better-sqlite3', 'pg'];
const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'child_process', 'node:child_process', 'sharp'];

const onlyStoresTouchTheDatabase = {
  paths: DB_PACKAGES.map((name) => ({
    name,
    message: 'Only *-store.ts files and src/storage/ touch the database, and they return domain objects. Add a store method and call it from a service.',
  })),
};

const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { paths: groups.flatMap((g) => g.paths ?? []), patterns: groups.flatMap((g) => g.patterns ?? []) }],
});

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'scratch/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment only in src/config.ts (once, into a frozen Config); take what you need from Config.',
        },
      ],
    },
  },
  // Everything but stores and storage/ stays off the database.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*-store.ts', 'src/storage/**', 'src/**/*.test.ts'],
    rules: restrict(onlyStoresTouchTheDatabase),
  },
  // The PostgreSQL change bus holds a LISTEN connection of its own: messaging, not tables.
  {
    files: ['src/cache/bus/postgres-bus.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // http/ calls domain services; it never reaches into storage.
  {
    files: ['src/http/**'],
    rules: restrict(onlyStoresTouchTheDatabase, {
      patterns: [
        {
          group: ['**/storage/**', '**/*-store', '**/*-store.ts'],
          message: 'http/ never touches storage directly: call a domain service (DESIGN.md, "Rules that keep the shape").',
        },
      ],
    }),
  },
  // render/ is pure: props in, HTML out.
  {
    files: ['src/render/**'],
    rules: restrict(onlyStoresTouchTheDatabase, {
      paths: IO_MODULES.map((name) => ({
        name,
        message: 'render/ is pure: props in, HTML out, no I/O. Load data in http/ and pass it in as props.',
      })),
      patterns: [
        {
          group: ['**/storage/**', '**/*-store', '**/*-store.ts', '**/*-service', '**/*-service.ts', '**/services', '**/services.ts', '**/http/**', '**/config', '**/config.ts'],
          message: 'render/ is pure: props in, HTML out. It may import domain types (x.ts), lib/ and richtext/, never services, stores, http or config.',
        },
      ],
    }),
  },
  // lib/ and richtext/ are pure helpers: no I/O, no services.
  {
    files: ['src/lib/**', 'src/richtext/**'],
    rules: restrict(onlyStoresTouchTheDatabase, {
      paths: IO_MODULES.map((name) => ({ name, message: 'lib/ and richtext/ are pure (no I/O), so they can be used anywhere and tested alone.' })),
      patterns: [
        {
          group: ['**/domain/**', '**/http/**', '**/render/**', '**/services', '**/services.ts', '**/storage/**'],
          message: 'lib/ and richtext/ sit below everything else: they import nothing from the app, only each other.',
        },
      ],
    }),
  },
  // search/hindi/ is the Hindi text pipeline: indexing and querying both run it, so it must
  // give the same keys everywhere, every time. Pure: no I/O, no database, nothing from the app but lib/.
  {
    files: ['src/search/hindi/**'],
    rules: restrict(onlyStoresTouchTheDatabase, {
      paths: IO_MODULES.map((name) => ({
        name,
        message: 'search/hindi/ is the pure text pipeline (no I/O): the index and the query must get the same keys from the same text, and each rule is tested alone.',
      })),
      patterns: [
        {
          group: ['**/domain/**', '**/http/**', '**/render/**', '**/storage/**', '**/services', '**/services.ts', '**/config', '**/config.ts', '**/*-store', '**/*-store.ts', '**/*-service', '**/*-service.ts'],
          message: 'search/hindi/ is the pure text pipeline: it may import lib/ (the transliterator) and its own files, never services, stores, storage, http, render or config.',
        },
      ],
    }),
  },
  // config.ts is the one place that reads the environment; scripts, deploy/'s cluster harness and tests set up the processes they start.
  {
    files: ['src/config.ts', 'scripts/**', 'deploy/**', 'test/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
