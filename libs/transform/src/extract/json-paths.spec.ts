import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWith, sharedData } from '@sparkify/testing';
import { DEFAULT_LOG_JSON_PATHS_TEXT } from './default-json-paths.js';
import { SourceError } from '../source/source-location.js';
import { JsonPathsError, parseJsonPath, parseJsonPaths, selectPath } from './json-paths.js';

describe('JSONPaths', () => {
  it('reads bracket, dot and index steps', () => {
    expect(parseJsonPath("$['firstName']")).toEqual(['firstName']);
    expect(parseJsonPath('$["a b"]')).toEqual(['a b']);
    expect(parseJsonPath("$.a.b[2]['it\\'s']")).toEqual(['a', 'b', 2, "it's"]);
  });

  it('refuses what it does not understand, naming the file and path', () => {
    expect(() => parseJsonPath('a.b')).toThrow(JsonPathsError);
    expect(() => parseJsonPath('$')).toThrow(/whole record/);
    expect(() => parseJsonPaths('{"jsonpaths": ["$.ok", "$[oops"]}', 'x.json')).toThrow(/x\.json, path 2/);
    expect(() => parseJsonPaths('{"paths": []}', 'x.json')).toThrow(/x\.json must be an object \{"jsonpaths"/);
    expect(() => parseJsonPaths('{', 'x.json')).toThrow(/x\.json is not valid JSON/);
  });

  it('is a SourceError: bad input, which the CLIs report with exit 2, not an unexpected failure', () => {
    const error = (() => {
      try {
        parseJsonPaths('{"jsonpaths": [', '/data/log_json_path.json');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JsonPathsError);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/^\/data\/log_json_path\.json is not valid JSON/);
  });

  it('selects values, undefined when a step is missing', () => {
    const rec = { a: { b: [10, 20] }, s: 'x' };
    expect(selectPath(rec, ['a', 'b', 1])).toBe(20);
    expect(selectPath(rec, ['a', 'c'])).toBeUndefined();
    expect(selectPath(rec, ['s', 'length'])).toBeUndefined();
    expect(selectPath(rec, ['toString'])).toBeUndefined();
  });
});

describeWith(sharedData('sparkify'), 'the real log_json_path.json', (dir) => {
  it('has the 18 keys of the log, in order, the same as the built-in copy', () => {
    const paths = parseJsonPaths(readFileSync(join(dir, 'log_json_path.json'), 'utf8'), 'log_json_path.json');
    expect(paths).toHaveLength(18);
    expect(paths[0]).toEqual(['artist']);
    expect(paths[17]).toEqual(['userId']);
    expect(parseJsonPaths(DEFAULT_LOG_JSON_PATHS_TEXT, 'built-in')).toEqual(paths);
  });
});
