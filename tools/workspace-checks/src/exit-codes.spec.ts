import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, KIND_EXIT } from '@sparkify/cli';
import { workspaceRoot } from '@sparkify/testing';

const read = (path: string) => readFileSync(join(workspaceRoot(), path), 'utf8');
const APPS = ['loader', 'provisioner', 'insights'];

/** The root README's exit-code table: code → the `error.kind`s it lists. */
function readmeTable(): Map<number, string[]> {
  const text = read('README.md');
  const start = text.indexOf('| exit code | `error.kind` |');
  expect(start, 'the root README has the exit-code table').toBeGreaterThan(-1);
  const rows = text.slice(start).split('\n').slice(2);
  const table = new Map<number, string[]>();
  for (const row of rows) {
    const cells = row.split('|').map((c) => c.trim());
    if (!row.startsWith('|') || !/^\d+$/.test(cells[1] ?? '')) break;
    table.set(Number(cells[1]), [...(cells[2] ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1] ?? ''));
  }
  return table;
}

describe('one exit-code table for every app', () => {
  it('the root README lists exactly the codes and kinds of @sparkify/cli', () => {
    const fromCode = new Map<number, string[]>(Object.values(EXIT).map((code) => [code, []]));
    for (const [kind, code] of Object.entries(KIND_EXIT)) fromCode.get(code)?.push(kind);
    const sorted = (m: Map<number, string[]>) => [...m].map(([code, kinds]) => [code, [...kinds].sort()]).sort(([a], [b]) => Number(a) - Number(b));
    expect(sorted(readmeTable())).toEqual(sorted(fromCode));
  });

  it.each(APPS)('%s runs its commands through @sparkify/cli and keeps no exit table, Io or failure mapping of its own', (app) => {
    const cli = read(`apps/${app}/src/cli.ts`);
    expect(cli).toMatch(/from '@sparkify\/cli'/);
    expect(cli).toContain('runProgram(');
    expect(cli).not.toMatch(/export const EXIT = \{|interface \w*Io\b|instanceof ConfigError/);
  });

  it.each(APPS)("%s's README points at the root README's exit-code table", (app) => {
    expect(read(`apps/${app}/README.md`)).toMatch(/exit codes?[^\n]*\(root README\)|root README's exit-code table/i);
  });
});
