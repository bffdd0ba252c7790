import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@sparkify/testing';

// The architecture's import rules, proved against the real ESLint config and the real Nx project graph:
// each case lints a file that would sit in the named project, without writing it to disk.
const eslint = new ESLint({ cwd: workspaceRoot() });

async function boundaryErrors(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = x;\n`, { filePath: `${workspaceRoot()}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it.each([
    ['config imports nothing of ours', 'libs/config/src/forbidden.ts', "import { x } from '@sparkify/schema';"],
    ['schema imports nothing of ours', 'libs/schema/src/forbidden.ts', "import { x } from '@sparkify/config';"],
    ['a lib never imports a tool', 'libs/transform/src/forbidden.ts', "import { x } from '../../../tools/bench/src/measure.js';"],
    ['an app never imports a tool', 'apps/loader/src/forbidden.ts', "import { x } from '../../../tools/bench/src/measure.js';"],
    ['a lib never imports an app', 'libs/warehouse/src/forbidden.ts', "import { x } from '../../../apps/loader/src/main.js';"],
    ['test helpers stay out of library code', 'libs/warehouse/src/forbidden.ts', "import { x } from '@sparkify/testing';"],
  ])('rejects: %s', async (_name, file, importLine) => {
    expect(await boundaryErrors(file, importLine)).not.toEqual([]);
  });

  it.each([
    ['a lib imports a lib', 'libs/warehouse/src/allowed.ts', "import { x } from '@sparkify/config';"],
    ['an app imports a lib', 'apps/loader/src/allowed.ts', "import { x } from '@sparkify/transform';"],
    ['a lib imports the datagen library', 'libs/transform/src/allowed.ts', "import { x } from '@sparkify/datagen';"],
    ['a spec file imports the test helpers', 'libs/config/src/allowed.spec.ts', "import { x } from '@sparkify/testing';"],
  ])('accepts: %s', async (_name, file, importLine) => {
    expect(await boundaryErrors(file, importLine)).toEqual([]);
  });
});
