import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartConfig } from './theme.js';

/**
 * Compiles a Vega-Lite spec with the report theme and renders it to an SVG string at build time (no browser,
 * no canvas: Vega's headless 'none' renderer). `idPrefix` keeps element ids unique when several SVGs share a page.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const vegaSpec = compile({ ...spec, config: { ...chartConfig, ...spec.config } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`);
  } finally {
    view.finalize();
  }
}
