import type { DatasetFacts } from '@sparkify/analytics';
import type { ChartSection } from './charts.js';
import { bytes, count, escapeHtml as h, percent, truncate } from './format.js';
import type { QualityResults } from './quality.js';
import { styles } from './styles.js';

export interface PageMeta {
  /** Where the data came from, e.g. the Warehouse's description (never a password). */
  readonly target: string;
  readonly schema: string;
  readonly generatedAt: Date;
}

export interface RenderedSection extends ChartSection {
  readonly svg: string;
}

const utcMinute = (d: Date): string => d.toISOString().slice(0, 16).replace('T', ' ');

function factTiles(f: DatasetFacts, songShare: number): string {
  const tile = (label: string, value: string, note = '') =>
    `<div><dt>${h(label)}</dt><dd>${h(value)}${note ? `<small>${h(note)}</small>` : ''}</dd></div>`;
  return [
    tile('Plays', count(f.plays), f.firstPlay && f.lastPlay ? `${f.firstPlay} → ${f.lastPlay}` : 'none yet'),
    tile('Listeners', count(f.activeUsers), `of ${count(f.users)} users seen`),
    tile('Songs', count(f.songs), `${count(f.artists)} artists`),
    tile('Song match rate', percent(songShare), 'plays with a known song'),
    tile('Files loaded', count(f.filesLoaded), f.filesLoaded ? `${bytes(f.bytesLoaded)}, last ${f.lastLoadedAt ?? '?'}` : 'none'),
  ].join('');
}

function chartSection(s: RenderedSection): string {
  return `<section id="${h(s.id)}" class="${s.size}" data-chart="${h(s.id)}" data-bars="${s.bars}">
<h2>${h(s.question)}</h2>
<p class="answer">${h(s.answer)}</p>
<figure>${s.svg}</figure>
</section>`;
}

function qualitySection(q: QualityResults): string {
  const e = q.loadErrors;
  const parts: string[] = [];
  if (e.total === 0) {
    parts.push('<p class="answer"><span class="pass">No rejected records.</span> The loads recorded nothing in <code>load_errors</code>.</p>');
  } else {
    parts.push(`<p class="answer"><span class="fail">${h(count(e.total))} rejected record${e.total === 1 ? '' : 's'}</span> are in <code>load_errors</code>; they were skipped, the rest of each file was loaded.</p>`);
    parts.push('<h3>By reason</h3><table><tr><th>Reason</th><th class="num">Records</th></tr>');
    for (const r of e.byReason) parts.push(`<tr><td>${h(r.reason)}</td><td class="num">${h(count(r.count))}</td></tr>`);
    parts.push('</table><h3>By file</h3><table><tr><th>File</th><th class="num">Records</th></tr>');
    for (const r of e.byFile) parts.push(`<tr><td><code>${h(r.file)}</code></td><td class="num">${h(count(r.count))}</td></tr>`);
    parts.push('</table><h3>First rejected records</h3><table><tr><th>Where</th><th>Column</th><th>Reason</th><th>Text</th></tr>');
    for (const r of e.sample) {
      const where = r.line === null ? r.file : `${r.file}:${r.line}`;
      parts.push(
        `<tr><td><code>${h(where)}</code></td><td>${h(r.column ?? '')}</td><td>${h(r.reason)}</td><td><code>${h(truncate(r.raw ?? '', 160))}</code></td></tr>`,
      );
    }
    parts.push('</table>');
  }
  if (q.checks === undefined) {
    parts.push(`<p class="note">${h(q.checksNote ?? 'Data tests were not run.')}</p>`);
  } else {
    const failed = q.checks.filter((c) => !c.passed).length;
    parts.push(
      `<h3>Data tests: ${failed === 0 ? `<span class="pass">all ${q.checks.length} passed</span>` : `<span class="fail">${failed} of ${q.checks.length} failed</span>`}</h3>`,
    );
    parts.push('<table><tr><th>Test</th><th>Rule</th><th>Result</th><th class="num">Failing rows</th><th>Sample</th></tr>');
    for (const c of q.checks) {
      parts.push(
        `<tr><td>${h(c.name)}</td><td>${h(c.rule ?? '')}</td><td class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'pass' : 'FAIL'}</td>` +
          `<td class="num">${h(count(c.failures))}</td><td>${(c.sample ?? []).map((s) => `<code>${h(truncate(s, 120))}</code>`).join(' ')}</td></tr>`,
      );
    }
    parts.push('</table>');
  }
  return `<section id="quality" class="full" data-quality>\n<h2>Data quality of the loads</h2>\n${parts.join('\n')}\n</section>`;
}

/** The whole report: one HTML file with inline CSS and inline SVG; no script, no network request. */
export function htmlPage(meta: PageMeta, facts: DatasetFacts, songShare: number, sections: readonly RenderedSection[], quality: QualityResults): string {
  const period = facts.firstPlay && facts.lastPlay ? `${facts.firstPlay.slice(0, 10)} to ${facts.lastPlay.slice(0, 10)}` : 'no plays yet';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Sparkify listening report (${h(period)})</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>Sparkify listening report</h1>
<p>${h(period)} (UTC) · from ${h(meta.target)}, schema <code>${h(meta.schema)}</code> · generated ${h(utcMinute(meta.generatedAt))} UTC</p>
<dl class="facts">${factTiles(facts, songShare)}</dl>
</header>
<main>
${sections.map(chartSection).join('\n')}
${qualitySection(quality)}
</main>
<footer>Made by <code>npx nx run insights:report</code> with @sparkify/analytics. Charts: Vega-Lite, rendered to SVG when the report was built; this file needs no network.</footer>
</body>
</html>
`;
}
