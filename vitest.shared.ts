// Shared Vitest settings: every project resolves `@sparkify/*` to source, as tsc does through tsconfig paths.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));
const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
// Exact matches, so that `@sparkify/infra` does not swallow its subpath `@sparkify/infra/testing`.
const alias = Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
  replacement: resolve(root, target ?? ''),
}));

export function projectTestConfig(projectDir: string, overrides: { testTimeout?: number; fileParallelism?: boolean } = {}) {
  return defineConfig({
    root: projectDir,
    resolve: { alias },
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      environment: 'node',
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      fileParallelism: overrides.fileParallelism ?? true,
      reporters: ['default'],
    },
  });
}
