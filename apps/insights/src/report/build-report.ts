import type { Insights } from '@sparkify/analytics';
import { renderSvg } from '../charts/render-svg.js';
import { chartSections } from './charts.js';
import { htmlPage, type PageMeta, type RenderedSection } from './html-page.js';
import type { QualityResults } from './quality.js';

export interface BuiltReport {
  readonly html: string;
  readonly sections: readonly RenderedSection[];
}

/** Renders every chart to SVG and assembles the page. Pure: no database, no files, no browser. */
export async function buildReport(insights: Insights, quality: QualityResults, meta: PageMeta): Promise<BuiltReport> {
  const sections: RenderedSection[] = [];
  for (const section of chartSections(insights)) sections.push({ ...section, svg: await renderSvg(section.spec, section.id) });
  return { html: htmlPage(meta, insights.facts, insights.coverage.songShare, sections, quality), sections };
}
