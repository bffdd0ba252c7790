import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@sparkify/schema';
import { planStatements, planTarget, repairCall, setAsideStatements, transformPlan } from '@sparkify/transform';
import { redshiftDialect, sqlCompiler } from '@sparkify/warehouse';
import { run } from '../test/capture.js';

// An independent Redshift grammar: every statement a Redshift dry run prints must parse with sqlfluff's `redshift`
// dialect, and no identifier that AWS lists as reserved may appear unquoted. CI installs the Debian package
// (.ci/run); there a missing sqlfluff fails this test instead of skipping it.
const sqlfluff = spawnSync('sqlfluff', ['--version'], { encoding: 'utf8' });
const available = sqlfluff.status === 0;
const inCi = process.env['CI'] === 'true';
const here = import.meta.dirname;
const config = join(here, '__fixtures__', 'seed-redshift-dwh.cfg');
const reserved = new Set(
  readFileSync(join(here, '../../../libs/warehouse/src/dialect/redshift/__fixtures__/redshift-reserved-words.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#')),
);

/** The statements of one dry run (the script's `;`-terminated statements, split at the blank lines between them). */
async function dryRun(args: readonly string[], env: Record<string, string> = {}): Promise<string[]> {
  const result = await run(['etl', '--dry-run', '--config', config, '--max-errors', '7', ...args], { env: { PATH: process.env['PATH'], ...env } });
  expect(result.stderr).not.toMatch(/failed/);
  expect(result.code).toBe(0);
  return result.stdout
    .split(/;\n(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^--[^\n]*$/.test(s))
    .map((s) => s.replace(/^--[^\n]*\n/, ''));
}

/**
 * What a dry run cannot show, compiled exactly as a Redshift run sends it: the transform's first-load path (one
 * insert per empty table; a dry run cannot know a table is empty, so it prints the incremental path), and the
 * set-aside insert and delete (a run sends them only when a staged event breaks a rule; a dry run finds none).
 */
function statementsDryRunsCannotShow(): string[] {
  const db = sqlCompiler<Database>();
  const plan = transformPlan(planTarget({ db, schema: 'public', dialect: redshiftDialect }, repairCall('public')));
  const setAside = setAsideStatements(db.withSchema('public')).map((s) => s.query.compile().sql);
  return [...planStatements(plan, 'firstLoad').map((s) => s.query.sql), ...setAside];
}

type Tree = unknown;
function* nodes(tree: Tree, key = ''): Generator<[string, unknown]> {
  if (Array.isArray(tree)) for (const t of tree) yield* nodes(t, key);
  else if (tree !== null && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) {
      yield [k, v];
      yield* nodes(v, k);
    }
  }
}

describe('every statement of a Redshift dry run, through sqlfluff (redshift dialect)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparkify-sqlfluff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(!available && inCi)('fails in CI when sqlfluff is missing (install the Debian package sqlfluff, as .ci/run does)', () => {
    expect.fail(`sqlfluff is not installed: ${sqlfluff.error?.message ?? sqlfluff.stderr}`);
  });

  it.skipIf(!available)('parses the defaults, --full-refresh, a non-default schema and manifest staging, with no reserved word unquoted (skipped where sqlfluff is not installed, outside CI)', { timeout: 900_000 }, async () => {
    const runs = {
      defaults: await dryRun([]),
      fullRefresh: await dryRun(['--full-refresh']),
      schema: await dryRun(['--schema', 'MySchema']),
      // Incremental by file: the ledger read, COPY … MANIFEST, the ledger insert.
      manifest: await dryRun([], { SPARKIFY_S3_MANIFEST_PREFIX: 's3://my-bucket/manifests' }),
    };
    expect(runs.manifest.filter((s) => s.startsWith('COPY') && s.includes('\nMANIFEST\n'))).toHaveLength(2);
    // The acceptance line: COPY says MAXERROR 7, the bucket's region is the seed's, the schema is folded.
    expect(runs.defaults.filter((s) => s.startsWith('COPY'))).toHaveLength(2);
    for (const copy of runs.defaults.filter((s) => s.startsWith('COPY'))) expect(copy).toMatch(/\nREGION 'us-west-2'\n[\s\S]*\nMAXERROR 7\n/);
    expect(runs.schema.some((s) => s.startsWith('create schema if not exists "myschema"'))).toBe(true);
    expect(runs.schema.join('\n')).not.toContain('MySchema');

    expect(runs.defaults.filter((s) => s.startsWith('create temporary table'))).toHaveLength(6); // song rows + 5 syncs
    const unseen = statementsDryRunsCannotShow();
    expect(unseen.filter((s) => s.startsWith('insert into'))).toHaveLength(6); // 5 first loads + load_errors
    expect(unseen.filter((s) => s.startsWith('delete from "public"."staging_events"'))).toHaveLength(1);
    const unique = [...new Set([...runs.defaults, ...runs.fullRefresh, ...runs.schema, ...runs.manifest, ...unseen])];
    const width = String(unique.length).length;
    const files = unique.map((statement, i) => {
      const file = `s${String(i).padStart(width, '0')}.sql`;
      writeFileSync(join(dir, file), statement + ';\n');
      return file;
    });
    writeFileSync(join(dir, '.sqlfluff'), '[sqlfluff]\ndialect = redshift\n# sqlfluff 1.4 quietly skips files over 20,000 bytes otherwise\nlarge_file_skip_byte_limit = 0\n');
    // `sqlfluff parse` takes one path: the folder, whose files it reads in name order.
    const parsed = spawnSync('sqlfluff', ['parse', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(parsed.stderr).not.toMatch(/Traceback|RecursionError|skipped/i);
    const results = JSON.parse(parsed.stdout) as { filepath: string; segments: Tree }[];
    expect(results.map((r) => r.filepath.replace(/^\.\//, '')).sort()).toEqual(files);
    results.sort((a, b) => a.filepath.localeCompare(b.filepath));

    for (const [i, result] of results.entries()) {
      const found = [...nodes(result.segments)];
      const unparsable = found.filter(([k]) => k === 'unparsable');
      const statements = found.filter(([k]) => k === 'statement');
      if (unparsable.length > 0 || statements.length !== 1) {
        expect.fail(`statement ${i + 1} does not parse as Redshift SQL (${JSON.stringify(unparsable[0]?.[1] ?? 'no statement').slice(0, 300)}):\n${unique[i]?.slice(0, 2000)}`);
      }
      const bare = found.filter(([k, v]) => k === 'naked_identifier' && typeof v === 'string' && reserved.has(v.toUpperCase())).map(([, v]) => v);
      expect(bare, `reserved words used as bare identifiers in statement ${i + 1}:\n${unique[i]?.slice(0, 500)}`).toEqual([]);
    }
  });
});

describe("AWS's reserved words fixture", () => {
  it('names its source and holds the words our tables use as column names', () => {
    const text = readFileSync(join(here, '../../../libs/warehouse/src/dialect/redshift/__fixtures__/redshift-reserved-words.txt'), 'utf8');
    expect(text).toContain('https://docs.aws.amazon.com/redshift/latest/dg/r_pg_keywords.html');
    for (const word of ['RAW', 'COLUMN', 'TIMESTAMP', 'USER', 'OFFSET', 'PARTITION']) expect(reserved.has(word)).toBe(true);
    expect(reserved.size).toBeGreaterThan(150);
  });
});
