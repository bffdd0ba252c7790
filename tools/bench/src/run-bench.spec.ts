import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@sparkify/datagen';
import { describeWith, postgresServer } from '@sparkify/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ratio } from './measure.js';
import { runBench, type BenchOutput } from './run-bench.js';

const server = await postgresServer();
const tools = ['/usr/bin/psql', '/usr/bin/time'].filter((t) => !existsSync(t));
const needs = server.available && tools.length > 0 ? { available: false as const, what: 'psql and GNU time', reason: `${tools.join(', ')} missing` } : server;

describeWith(needs, 'the benchmark harness on a tiny generated set', () => {
  let dir: string;
  let out: BenchOutput;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-spec-'));
    await generate({ out: join(dir, 'tiny'), events: 3000, songs: 300, seed: 8, quirks: true });
    out = await runBench({
      mode: 'spec',
      datasets: [{ name: 'tiny', dir: join(dir, 'tiny') }],
      targets: ['server', 'embedded'],
      insertCapMs: 600,
      repeat: 1,
      dataRoot: dir,
      outDir: join(dir, 'results'),
      log: () => {},
    });
  }, 180_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('measures every step on both targets from real runs', () => {
    const { runs } = out.report;
    expect(runs.map((r) => r.target.name)).toEqual(['server', 'embedded']);
    for (const r of runs) {
      expect(r.dataset).toMatchObject({ events: 3000, songs: 300, logFiles: 30 });
      expect(r.ours.stage.rows).toBe(3300 - r.ours.loadErrors);
      for (const m of [r.ours.stage, r.ours.transform, r.ours.check, r.limit.copy, r.limit.transformSql]) {
        expect(m.ms).toBeGreaterThan(0);
        expect(m.peakRssMb).toBeGreaterThan(1);
      }
      expect(r.ours.stage.processMs).toBeGreaterThan(r.ours.stage.ms);
      expect(r.limit.statements).toBeGreaterThan(4);
      expect(r.limit.sameResult).toBe(true);
      expect(r.starRows['songplays']).toBeGreaterThan(0);
      expect(r.insertPerRecord.rows).toBeGreaterThan(0);
      expect(r.endToEnd.ms).toBeGreaterThan(r.ours.stage.ms);
      expect(r.endToEnd.peakRssMb).toBeGreaterThan(1);
    }
  });

  it('builds the same star with the minimal SQL and with DuckDB: the same plays, matches, users, artists, songs and times', () => {
    for (const r of out.report.runs) {
      expect(r.starCounts.plays).toBe(r.starRows['songplays']);
      expect(r.starCounts.matched).toBeGreaterThan(0);
      expect(r.minimalSql.counts).toEqual(r.starCounts);
      expect(r.minimalSql.sameCounts).toBe(true);
      expect(r.minimalSql.ms).toBeGreaterThan(0);
      expect(r.duckdb?.counts).toEqual(r.starCounts);
      expect(r.duckdb?.sameCounts).toBe(true);
      expect(r.duckdb?.processMs).toBeGreaterThan(r.duckdb?.ms ?? Infinity);
      expect(r.duckdb?.peakRssMb).toBeGreaterThan(1);
    }
    // DuckDB ran once for the data set, and both targets show that one run.
    expect(out.report.runs[0]?.duckdb).toEqual(out.report.runs[1]?.duckdb);
  });

  it('computes each ratio from the measured numbers', () => {
    for (const r of out.report.runs) {
      expect(r.ratios.stageVsCopy).toBe(ratio(r.ours.stage.ms, r.limit.copy.ms));
      expect(r.ratios.transformVsSql).toBe(ratio(r.ours.transform.ms, r.limit.transformSql.ms));
      expect(r.ratios.stageVsInsert).toBe(ratio(r.ours.stage.ms, r.insertPerRecord.projectedMs));
      expect(r.ratios.transformVsMinimalSql).toBe(ratio(r.ours.transform.ms, r.minimalSql.ms));
      expect(r.ratios.etlVsDuckdb).toBe(ratio(r.endToEnd.ms, r.duckdb?.processMs ?? 0));
      expect(r.ours.totalMs).toBe(Math.round(r.ours.stage.ms + r.ours.transform.ms + r.ours.check.ms));
    }
    const [files] = out.report.fileReads;
    expect(files?.files).toBe(330);
    expect(files?.listRatio).toBe(ratio(files?.oursListMs ?? 0, files?.findListMs ?? 0));
  });

  it('writes the markdown table and the JSON', () => {
    expect(out.files.map((f) => f.slice(-8))).toEqual(['-spec.md', 'pec.json']);
    for (const f of out.files) expect(existsSync(f)).toBe(true);
    expect(out.markdown).toContain('| tiny | server | 3000 | 300 |');
    expect(out.markdown).toContain('### Targets');
    expect(out.markdown).toContain('| tiny | server |'); // the floors table has a row per run too
    expect(out.markdown).toMatch(/transform ÷ minimal SQL[\s\S]*\| yes, yes \|/);
  });
});
