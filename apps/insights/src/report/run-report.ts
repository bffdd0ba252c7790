import { SparkifyError } from '@sparkify/cli';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '@sparkify/config';
import { collectInsights, type DatasetFacts } from '@sparkify/analytics';
import { connect } from '@sparkify/warehouse';
import { requireChromium } from '../browser/chromium-path.js';
import { buildReport } from './build-report.js';
import { runQualityChecks } from './run-checks.js';

export type ReportFormat = 'html' | 'png';

export interface ReportOptions {
  /** The HTML file to write; folders are created. */
  readonly out: string;
  /** `png` also writes `png/<chart>.png` and `report.png` beside the HTML. */
  readonly format?: ReportFormat;
  /** Rows per top-N chart (default 10). */
  readonly top?: number;
  readonly now?: Date;
  readonly onProgress?: (message: string) => void;
}

export interface ReportResult {
  readonly html: string;
  readonly pngs: readonly string[];
  readonly target: string;
  readonly facts: DatasetFacts;
  readonly charts: readonly { readonly id: string; readonly bars: number }[];
  readonly loadErrors: number;
  /** Undefined when the data tests could not run. */
  readonly checks: { readonly passed: number; readonly failed: number } | undefined;
  readonly elapsedMs: number;
}

/** A problem the person running the report can fix; the message says how. */
/** The report could not be made, for a reason the message explains (exit 3). */
export class ReportError extends SparkifyError {
  constructor(message: string) {
    super(message, 'failed');
  }
}

const isMissingTable = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '42P01';

/** Connects to the configured warehouse, runs every analytics query and the data tests, writes the report. */
export async function runReport(config: Config, options: ReportOptions): Promise<ReportResult> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  // Fail before any work when the PNG images cannot be drawn.
  if (options.format === 'png') requireChromium();
  const warehouse = await connect(config, { applicationName: 'sparkify-insights', onProgress: progress });
  try {
    progress(`querying ${warehouse.description}, schema ${warehouse.schema}`);
    const db = warehouse.db.withSchema(warehouse.schema);
    let insights;
    try {
      insights = await collectInsights(db, { top: options.top ?? 10 });
    } catch (error) {
      if (!isMissingTable(error)) throw error;
      throw new ReportError(
        `The star tables are missing in schema "${warehouse.schema}" of ${warehouse.description} ` +
          `(${(error as Error).message}). Load the data first: npx nx run loader:etl (with the same --config/--database-url).`,
      );
    }
    const quality = { loadErrors: insights.loadErrors, ...(await runQualityChecks(db)) };
    progress('rendering charts');
    const report = await buildReport(insights, quality, {
      target: warehouse.description,
      schema: warehouse.schema,
      generatedAt: options.now ?? new Date(),
    });
    const html = resolve(options.out);
    mkdirSync(dirname(html), { recursive: true });
    writeFileSync(html, report.html);
    const pngs: string[] = [];
    if (options.format === 'png') {
      progress('rendering PNG images with headless Chromium');
      // Loaded only here: playwright-core takes a second to import, and HTML reports never need it.
      const { launchChromium } = await import('../browser/chromium.js');
      const { screenshotReport, writeChartPngs } = await import('../browser/png.js');
      const browser = await launchChromium({ deviceScaleFactor: 2 });
      try {
        pngs.push(...(await writeChartPngs(browser, report.sections, join(dirname(html), 'png'))));
        const whole = join(dirname(html), 'report.png');
        await screenshotReport(browser, html, whole);
        pngs.push(whole);
      } finally {
        await browser.close();
      }
    }
    return {
      html,
      pngs,
      target: warehouse.description,
      facts: insights.facts,
      charts: report.sections.map((s) => ({ id: s.id, bars: s.bars })),
      loadErrors: insights.loadErrors.total,
      checks: quality.checks && {
        passed: quality.checks.filter((c) => c.passed).length,
        failed: quality.checks.filter((c) => !c.passed).length,
      },
      elapsedMs: Date.now() - started,
    };
  } finally {
    await warehouse.close();
  }
}
