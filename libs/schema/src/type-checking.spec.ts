import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

interface Diagnostic {
  file: string;
  line: number;
  message: string;
}

// Compiles the fixtures with the workspace's TypeScript and this project's compiler options, as `tsc` would.
function compile(fixtures: string[]): Diagnostic[] {
  const configPath = join(import.meta.dirname, '..', 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const roots = fixtures.map((f) => join(import.meta.dirname, '__fixtures__', f));
  const program = ts.createProgram(roots, { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('queries are checked against the declared tables at compile time', () => {
  let errors: Diagnostic[] = [];
  const inFile = (name: string) => errors.filter((e) => e.file.endsWith('/' + name));
  beforeAll(() => {
    errors = compile(['valid-query.ts', 'invalid-query.ts']);
  }, 60_000);

  it('accepts a valid query', () => {
    expect(inFile('valid-query.ts')).toEqual([]);
    expect(errors.filter((e) => !e.file.endsWith('-query.ts'))).toEqual([]);
  });

  it('rejects a missing column, a wrong value type and an unknown table, naming each', () => {
    const found = inFile('invalid-query.ts');
    const text = found.map((e) => `${e.line}: ${e.message}`).join('\n');
    expect(new Set(found.map((e) => e.line)), text).toEqual(new Set([9, 12, 15]));
    expect(found.find((e) => e.line === 9)?.message, text).toContain('"songplays.song_title"');
    expect(found.find((e) => e.line === 12)?.message, text).toContain('"one hundred"');
    expect(found.find((e) => e.line === 12)?.message, text).toContain('"session_id"');
    expect(found.find((e) => e.line === 15)?.message, text).toContain('"song_plays"');
  });
});
