import { beforeAll, describe, expect, it } from 'vitest';
import { emptyInsights, sampleInsights } from '../__fixtures__/insights.js';
import { buildReport, type BuiltReport } from './build-report.js';

const meta = { target: 'PostgreSQL 15.20 at 127.0.0.1:5432 (database "x", user "postgres")', schema: 'public', generatedAt: new Date('2026-01-02T03:04:05Z') };
const quality = (loadErrors = sampleInsights().loadErrors) => ({ loadErrors, checks: undefined, checksNote: 'Data tests were not run.' });

describe('buildReport (no database, no browser)', () => {
  let report: BuiltReport;
  beforeAll(async () => {
    report = await buildReport(sampleInsights(), quality(), meta);
  });

  it('has one section per question, each with a heading, an answer and an SVG chart', () => {
    expect(report.sections.map((s) => s.id)).toEqual([
      'hours', 'weekdays', 'levels', 'days', 'songs', 'artists', 'locations', 'clients', 'sessions', 'genders', 'coverage',
    ]);
    for (const s of report.sections) {
      expect(report.html).toContain(`<section id="${s.id}"`);
      expect(s.svg.startsWith('<svg')).toBe(true);
      expect(s.svg, `${s.id} has a title`).toMatch(/class="mark-text role-title-text/);
      expect(s.svg, `${s.id} has axis titles`).toMatch(/class="mark-text role-axis-title/);
    }
  });

  it('states the data set facts in the header', () => {
    expect(report.html).toContain('<title>Sparkify listening report (2018-11-04 to 2018-11-05)</title>');
    expect(report.html).toContain('generated 2026-01-02 03:04 UTC');
    expect(report.html).toMatch(/<dt>Plays<\/dt><dd>10<small>2018-11-04 02:10 → 2018-11-05 16:59<\/small>/);
    expect(report.html).toContain('<dt>Song match rate</dt><dd>40%');
  });

  it('is self-contained: no script, no stylesheet or image fetched from anywhere', () => {
    expect(report.html).not.toMatch(/<script/i);
    const withoutNamespaces = report.html.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, '');
    expect(withoutNamespaces).not.toMatch(/https?:\/\//);
    expect(report.html).not.toMatch(/\b(src|href)="(?!data:|#)/);
  });

  it('escapes text from the data', () => {
    expect(report.html).not.toContain('<script>alert(1)</script>');
    expect(report.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report.html).not.toContain('Undo <live>');
    expect(report.html).toContain('Undo &lt;live&gt;');
  });

  it('gives every SVG its own element ids', () => {
    const ids = [...report.html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists load errors, and says when data tests did not run', () => {
    expect(report.html).toContain('1 rejected record</span>');
    expect(report.html).toContain('<code>log_data/2018/11/x.json:4</code>');
    expect(report.html).toContain('Data tests were not run.');
  });

  it('shows data test results when there are some', async () => {
    const withChecks = await buildReport(sampleInsights(), {
      loadErrors: emptyInsights().loadErrors,
      checks: [
        { name: 'unique_users_user_id', rule: 'users.(user_id) is unique', passed: true, failures: 0 },
        { name: 'not_null_songplays_start_time', rule: 'songplays.start_time is never NULL', passed: false, failures: 2, sample: ['songplay_id="7"'] },
      ],
    }, meta);
    expect(withChecks.html).toContain('No rejected records.');
    expect(withChecks.html).toContain('1 of 2 failed');
    expect(withChecks.html).toMatch(/<td>not_null_songplays_start_time<\/td><td>songplays\.start_time is never NULL<\/td><td class="fail">FAIL<\/td><td class="num">2<\/td><td><code>songplay_id=&quot;7&quot;<\/code>/);
  });

  it('renders an empty warehouse without failing, saying so', async () => {
    const empty = await buildReport(emptyInsights(), quality(emptyInsights().loadErrors), meta);
    expect(empty.sections).toHaveLength(11);
    expect(empty.html).toContain('No plays are in the warehouse yet');
    expect(empty.html).toContain('no plays yet');
  });
});
