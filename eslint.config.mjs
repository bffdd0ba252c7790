// One flat config for the whole workspace. Each project runs `eslint .` from its own folder.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';

// Who may import whom. Tags live in each project.json.
// - apps use libs only; libs never import apps or tools;
// - config and schema are the foundation and import nothing of ours;
// - the test helpers (type:testing) may be used by spec files and by tools (the benchmarks make scratch databases
//   exactly as tests do), never by library or app code.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool', 'type:testing'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'scope:config', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:schema', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
];

const boundaries = (constraints) => [
  'error',
  { allow: [], enforceBuildableLibDependency: false, depConstraints: constraints },
];

export default [
  // tools/workspace-checks plants scratch packages there for a moment; its spec lints them with --no-ignore.
  { ignores: ['tools/workspace-checks/planted-*/**'] },
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/coverage/**', '**/__fixtures__/**', '**/.sparkify/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests may also use the shared test helpers, whatever project they belong to.
    files: ['**/*.spec.ts', '**/*.test.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(
        depConstraints.map((c) => ({ ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'scope:testing'] })),
      ),
    },
  },

  {
    // Project test configs share the workspace's Vitest settings from the root.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Every package declares exactly the run-time dependencies its built code imports (npm and @sparkify/*), at the
    // versions the workspace installs: a consumer outside the workspace gets them from npm. Only projects with a
    // build target are checked; spec files, fixtures and test configs are not run time.
    files: ['**/package.json'],
    languageOptions: { parser: jsoncParser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          buildTargets: ['build'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: true,
          ignoredFiles: ['{projectRoot}/**/*.spec.ts', '{projectRoot}/src/**/__fixtures__/**', '{projectRoot}/test/**', '{projectRoot}/vitest.config.ts'],
        },
      ],
    },
  },
];
