import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtCli, removeBuiltCli, spawnCli } from '../test/spawn-cli.js';

afterAll(removeBuiltCli);

/** The files Node must read and compile before the entry runs: the entry and every chunk it imports statically. */
function staticClosure(entry: string): Map<string, number> {
  const files = new Map<string, number>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text.length);
    // esbuild's ES module output: `import{a as b}from"./chunks/x.js"` or `import"./x.js"`; `import("…")` is lazy.
    for (const [, path] of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{},\s]+from\s*)?["'](\.[^"']+)["']/g)) visit(resolve(dirname(file), path!));
  };
  visit(entry);
  return files;
}

describe('start-up of the built loader', () => {
  it('loads only commander and the command table before a command runs: the pipeline, Kysely, zod and the AWS SDK wait for it', async () => {
    const files = staticClosure(await builtCli());
    const bytes = [...files.values()].reduce((a, b) => a + b, 0);
    // 46 KB now (commander is 41 KB of it); 1.2 MB when every command loaded at start-up.
    expect(bytes).toBeLessThan(150_000);
    const result = await spawnCli(['etl', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--dry-run');
  }, 60_000);
});
