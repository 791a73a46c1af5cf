/**
 * The one place that turns a chart into SVG markup. It gives the chart a server-side DOM
 * (linkedom), lets the module draw, then finishes every chart the same way: our fonts and sizes,
 * the accessibility attributes axe and screen readers need, coordinates rounded so that output is
 * small and snapshot diffs are readable, markup that is well-formed XML whatever the text (svg-xml.ts),
 * and no inline <style> (our CSP allows none; the rules Plot
 * would inline live in src/styles/chart.css).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { FONT_STACK } from './palette.ts';
import { serializeSvg } from './svg-xml.ts';
import type { AnyChart, ChartData, RenderContext } from './types.ts';

/** The widths each chart is laid out for; the page shows the one that fits (see chart.css). */
export const VARIANT_WIDTHS = { narrow: 320, wide: 640 } as const;
export type Variant = keyof typeof VARIANT_WIDTHS;

/** Chart text size in CSS px. At its smallest display (narrow variant in a 288 px column) it is 12.6 px. */
export const CHART_FONT_SIZE = 14;
export const CHART_FONT_FAMILY = FONT_STACK;

export function createDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** Draws a Plot specification into the render context's document. */
export function drawPlot(options: Plot.PlotOptions, ctx: RenderContext): SVGSVGElement {
  const figure = Plot.plot({
    ...options,
    width: ctx.width,
    document: ctx.document,
    className: 'plot',
  });
  if (figure.tagName.toLowerCase() !== 'svg') {
    throw new Error('Charts must not ask Plot for a legend or caption: the page frame draws those');
  }
  return figure as unknown as SVGSVGElement;
}

/** Marks that are decoration, not data, are hidden from assistive technology. */
function finishAccessibility(svg: SVGSVGElement, chart: AnyChart) {
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', chart.title);
  svg.setAttribute('aria-describedby', `chart-${chart.id}-description`);
  for (const group of svg.querySelectorAll('g[aria-label]')) {
    if (!group.hasAttribute('aria-hidden')) group.setAttribute('role', 'group');
  }
  // Plot puts a mark's aria-label on the shape inside its link; a link needs its own name to be
  // announced when focused, so the label moves up to the <a>.
  for (const link of svg.querySelectorAll('a')) {
    const labelled = link.querySelector('[aria-label]');
    const label = labelled?.getAttribute('aria-label');
    if (labelled && label && !link.hasAttribute('aria-label')) {
      link.setAttribute('aria-label', label);
      labelled.removeAttribute('aria-label');
    }
    link.setAttribute('class', [link.getAttribute('class'), 'chart-mark'].filter(Boolean).join(' '));
  }
}

// Geometry attributes only: labels and text keep every digit they were given.
const GEOMETRY_ATTRIBUTES = [
  'd',
  'transform',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'width',
  'height',
  'points',
  'viewBox',
];

/**
 * Rounds coordinates to a tenth of a pixel, which no screen can show the difference of. It works on
 * the DOM, not on the markup, so that text which happens to read like an attribute is never touched.
 */
function roundGeometry(svg: SVGSVGElement) {
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const name of GEOMETRY_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const rounded = value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (number) => String(Math.round(Number(number) * 10) / 10));
      if (rounded !== value) element.setAttribute(name, rounded);
    }
  }
}

/**
 * Every chart is drawn once per width per build. The page, its embed variants (themes are CSS-only),
 * the gallery, oEmbed, share cards and downloads all ask for the same few drawings, which at 100x the
 * data was 187 draws for 10 distinct outputs (issue 13). The cache is keyed by the chart and the data
 * objects themselves, so a test or a caller with other data (or another chart of the same id) never
 * gets a stale drawing: the build reads its data once (src/site/data.ts), so its identity is the
 * data's identity. Weak keys let a dataset that is no longer used be collected with its drawings.
 */
const drawings = new WeakMap<AnyChart, WeakMap<ChartData, Map<number, string>>>();
const stats = { draws: 0, requests: 0 };

/** How many times a chart was actually drawn, and how many drawings were asked for, in this process. */
export function renderStats(): Readonly<typeof stats> {
  return { ...stats };
}

// RENDER_STATS=1 makes the process say, as it ends, how often it drew: the build test and the bench
// read the line to check that each chart is drawn once per width.
if (process.env.RENDER_STATS === '1') {
  process.once('exit', () => {
    process.stderr.write(`render-stats ${JSON.stringify(stats)}\n`);
  });
}

/** Renders a chart at one width and returns the finished <svg> markup (drawn once, then reused). */
export function renderChart(chart: AnyChart, data: ChartData, width: number): string {
  stats.requests += 1;
  let byData = drawings.get(chart);
  if (!byData) drawings.set(chart, (byData = new WeakMap()));
  let byWidth = byData.get(data);
  if (!byWidth) byData.set(data, (byWidth = new Map()));
  let markup = byWidth.get(width);
  if (markup === undefined) {
    markup = draw(chart, data, width);
    stats.draws += 1;
    byWidth.set(width, markup);
  }
  return markup;
}

function draw(chart: AnyChart, data: ChartData, width: number): string {
  const document = createDocument();
  const svg = chart.draw(data, { width, document });
  for (const style of svg.querySelectorAll('style')) style.remove();
  // Plot writes font-variant as an attribute, which is not a valid SVG attribute in HTML;
  // chart.css sets tabular figures for all chart text instead.
  for (const element of svg.querySelectorAll('[font-variant]')) element.removeAttribute('font-variant');
  svg.removeAttribute('style');
  svg.setAttribute('font-size', String(CHART_FONT_SIZE));
  svg.setAttribute('font-family', CHART_FONT_FAMILY);
  svg.setAttribute('class', `chart-svg chart-svg--${chart.engine}`);
  svg.setAttribute('data-chart', chart.id);
  finishAccessibility(svg, chart);
  roundGeometry(svg);
  // Our own serialiser, not linkedom's outerHTML: the markup must be well-formed XML (svg-xml.ts).
  return serializeSvg(svg);
}

/** Both layout variants of a chart, keyed by variant. */
export function renderVariants(chart: AnyChart, data: ChartData): Record<Variant, string> {
  return {
    narrow: renderChart(chart, data, VARIANT_WIDTHS.narrow),
    wide: renderChart(chart, data, VARIANT_WIDTHS.wide),
  };
}
