import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { workspaceRoot } from '@sparkify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Declared dependencies, proved end to end: a scratch package with a build target is planted in the workspace with
// an import its package.json does not declare; the real ESLint config (@nx/dependency-checks) must reject it. The
// rule reads imports from Nx's project graph, so the file is real and the graph is recomputed around the test. The
// folder is in ESLint's ignores, so that workspace-checks' own lint, if it runs meanwhile, does not see it.
const root = workspaceRoot();
const name = `planted-${process.pid}-${Date.now().toString(36)}`;
const dir = join(root, 'tools', 'workspace-checks', name);
const bin = (tool: string) => join(root, 'node_modules', '.bin', tool);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

function refreshGraph(): void {
  const result = spawnSync(bin('nx'), ['show', 'projects'], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nx show projects failed: ${result.stderr}`);
}

function lintPackageJson(dependencies: Record<string, string>): { code: number | null; output: string } {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `@sparkify/${name}`, version: '0.0.0', type: 'module', dependencies }, null, 2) + '\n');
  const result = spawnSync(bin('eslint'), ['--no-ignore', '--no-color', '--max-warnings', '0', 'package.json'], { cwd: dir, env, encoding: 'utf8' });
  // Colours stay on when FORCE_COLOR is inherited (nx sets it), whatever --no-color says.
  return { code: result.status, output: stripVTControlCharacters(result.stdout + result.stderr) };
}

describe('@nx/dependency-checks on a planted package', () => {
  beforeAll(() => {
    mkdirSync(join(dir, 'src'), { recursive: true });
    const target = { executor: 'nx:run-commands', options: { command: 'true' } };
    writeFileSync(join(dir, 'project.json'), JSON.stringify({ name, projectType: 'library', tags: ['type:lib'], targets: { build: target } }));
    writeFileSync(join(dir, 'src', 'index.ts'), "import { Kysely } from 'kysely';\nexport const planted = Kysely;\n");
    lintPackageJson({});
    refreshGraph();
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    refreshGraph();
  }, 120_000);

  it('fails lint on an import the package.json does not declare', () => {
    const { code, output } = lintPackageJson({});
    expect(code).toBe(1);
    expect(output).toMatch(/uses the following packages, but they are missing from "dependencies":\s+- kysely/);
  });

  it('fails lint on a version other than the one the workspace installs', () => {
    const { code, output } = lintPackageJson({ kysely: '0.27.0' });
    expect(code).toBe(1);
    expect(output).toMatch(/does not contain the installed version of "kysely" package: 0\.28\.19/);
  });

  it('fails lint on a dependency nothing imports', () => {
    const { code, output } = lintPackageJson({ kysely: '0.28.19', zod: '4.6.7' });
    expect(code).toBe(1);
    expect(output).toMatch(/"zod" package is not used/);
  });

  it('passes once the import is declared at the installed version', () => {
    const { code, output } = lintPackageJson({ kysely: '0.28.19' });
    expect(output).toBe('');
    expect(code).toBe(0);
  });
});
