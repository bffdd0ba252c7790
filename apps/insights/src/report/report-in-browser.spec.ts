import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTableStatements, type Database } from '@sparkify/schema';
import { createTempDatabase, describeWith, postgresServer, workspaceRoot, type Requirement, type TempDatabase } from '@sparkify/testing';
import { seedSyntheticStar, type SyntheticStar } from '../__fixtures__/synthetic-star.js';
import { chromiumPath, launchChromium, type Browser } from '../browser/chromium.js';
import { runCli } from '../cli.js';
import { capturedIo, textSink } from '@sparkify/cli';

function chromium(): Requirement<string> {
  const path = chromiumPath();
  return existsSync(path)
    ? { available: true, value: path, what: 'chromium' }
    : { available: false, what: 'chromium', reason: `${path} does not exist (apt-get install -y chromium)` };
}

/** Kept after the run (git-ignored); docs/insights-report.png is a copy of report.png. */
const artifacts = join(workspaceRoot(), 'apps', 'insights', 'test-artifacts');

describeWith(await postgresServer(), 'insights report on a seeded warehouse', (serverUrl) => {
  describeWith(chromium(), 'opened in headless Chromium', () => {
    let temp: TempDatabase;
    let seeded: SyntheticStar;
    let browser: Browser;
    let exitCode: number;
    const out: string[] = [];
    const err: string[] = [];
    const html = join(artifacts, 'index.html');

    beforeAll(async () => {
      rmSync(artifacts, { recursive: true, force: true });
      mkdirSync(artifacts, { recursive: true });
      temp = await createTempDatabase(serverUrl);
      const raw = postgres(temp.url, { max: 1, onnotice: () => {} });
      for (const statement of createTableStatements('postgres')) await raw.unsafe(statement);
      await raw.end();
      const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: postgres(temp.url, { max: 1 }) }) });
      seeded = await seedSyntheticStar(db);
      await db.destroy();
      exitCode = await runCli(['report', '--database-url', temp.url, '--out', html, '--format', 'png'], {
        ...capturedIo().io,
        stdout: { write: (text: string) => out.push(...text.trimEnd().split('\n')) },
        stderr: textSink((text) => err.push(text)),
      });
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await temp?.drop();
    });

    it('writes the report and PNG images, and says so', () => {
      expect(err.filter((l) => l.includes('failed')), err.join('\n')).toEqual([]);
      expect(exitCode).toBe(0);
      expect(out[0]).toBe(`wrote ${html}`);
      expect(out[1]).toMatch(
        new RegExp(`11 charts · ${seeded.plays.toLocaleString('en-US')} plays · ${seeded.users} listeners · 2 load errors · [1-9]\\d* data tests passed, 0 failed`),
      );
      const pngs = readdirSync(join(artifacts, 'png')).sort();
      expect(pngs).toEqual(['artists', 'clients', 'coverage', 'days', 'genders', 'hours', 'levels', 'locations', 'sessions', 'songs', 'weekdays'].map((id) => `${id}.png`));
      for (const file of [...pngs.map((p) => join(artifacts, 'png', p)), join(artifacts, 'report.png')]) {
        const bytes = readFileSync(file);
        expect(bytes.subarray(1, 4).toString(), file).toBe('PNG');
        expect(bytes.readUInt32BE(16), `${file} width`).toBeGreaterThan(300);
      }
      // Never a password or a full URL in what is printed.
      expect([...out, ...err].join('\n')).not.toContain(temp.url);
    });

    it('prints one JSON summary with --json, and nothing else on stdout', async () => {
      const captured = capturedIo();
      const code = await runCli(['report', '--database-url', temp.url, '--out', join(artifacts, 'json', 'index.html'), '--json', '--top', '3'], captured.io);
      const lines = captured.stdout().trimEnd().split('\n');
      expect(code).toBe(0);
      expect(lines).toHaveLength(1);
      const summary = JSON.parse(lines[0] ?? '{}') as { facts: { plays: number }; charts: { id: string; bars: number }[]; pngs: string[] };
      expect(summary.facts.plays).toBe(seeded.plays);
      expect(summary.charts.find((c) => c.id === 'songs')?.bars).toBe(3);
      expect(summary.pngs).toEqual([]);
    });

    it('opens without console errors or network requests, every chart drawn, and is kept as a screenshot', async () => {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
      });
      await page.goto(pathToFileURL(html).href);

      // Bars each chart must draw, from what was seeded (not from the report's own claims).
      const expectedBars: Record<string, number> = {
        hours: 24,
        weekdays: 7,
        levels: 2 * 2, // users, plays × free, paid
        days: seeded.days,
        songs: 10,
        artists: 10,
        locations: 10,
        clients: 6 + 6, // the 8 seeded User-Agents are 6 browsers and 6 systems
        sessions: 7 + 7, // the two histograms' buckets
        genders: 2 * 3, // users, plays × F, M, unknown
        coverage: 4 * 2, // song, artist, user, time × matched, not
      };
      const drawn = await page.$$eval('section[data-chart]', (sections) =>
        sections.map((s) => ({
          id: s.getAttribute('data-chart'),
          claimed: Number(s.getAttribute('data-bars')),
          bars: s.querySelectorAll('svg .mark-rect path').length,
          visibleBars: [...s.querySelectorAll('svg .mark-rect path')].filter((p) => {
            const box = (p as unknown as { getBBox(): { width: number; height: number } }).getBBox();
            return box.width > 0 && box.height > 0;
          }).length,
          titles: [...s.querySelectorAll('svg .role-title-text')].map((t) => t.textContent),
          axisTitles: [...s.querySelectorAll('svg .role-axis-title text')].map((t) => t.textContent),
          answer: s.querySelector('p.answer')?.textContent ?? '',
          width: s.querySelector('svg')?.getBoundingClientRect().width ?? 0,
        })),
      );
      expect(drawn.map((d) => d.id)).toEqual(Object.keys(expectedBars));
      for (const chart of drawn) {
        const id = chart.id ?? '?';
        expect(chart.bars, `${id}: bars drawn`).toBe(expectedBars[id]);
        expect(chart.claimed, `${id}: data-bars`).toBe(expectedBars[id]);
        expect(chart.visibleBars, `${id}: bars with a size`).toBeGreaterThan(0);
        expect(chart.titles.length, `${id}: chart title`).toBeGreaterThan(0);
        expect(chart.axisTitles.length, `${id}: axis titles`).toBeGreaterThanOrEqual(2);
        expect(chart.answer.length, `${id}: answer in words`).toBeGreaterThan(40);
        expect(chart.width, `${id}: on screen`).toBeGreaterThan(200);
      }
      const quality = (await page.textContent('#quality')) ?? '';
      expect(quality).toContain('2 rejected records');
      expect(quality).toMatch(/Data tests: all [1-9]\d* passed/);
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
      await page.close();
      expect(problems).toEqual([]);
    });
  });
});
