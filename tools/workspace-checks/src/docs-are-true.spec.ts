import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS } from '@sparkify/config';
import { workspaceRoot } from '@sparkify/testing';

const read = (path: string) => readFileSync(join(workspaceRoot(), path), 'utf8');

describe('the documentation', () => {
  it('lists every configuration key and its environment variable', () => {
    const readme = read('libs/config/README.md');
    const missing = KEYS.filter((k) => !readme.includes(`| \`[${k.section}]\` | \`${k.key}\` | \`${k.env}\``));
    expect(missing.map((k) => `[${k.section}] ${k.key}`)).toEqual([]);
  });
});
