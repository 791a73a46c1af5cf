/**
 * SVG helpers shared by the timeline's parts: text centred on its y, label backdrops, and the
 * half-pixel snapping that keeps the embed inside its byte budget.
 */
import type { Selection } from 'd3';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type AnySelection = Selection<SVGElement, unknown, null, undefined>;

/**
 * A text whose y is its vertical middle. The shift is a dy on each text because dominant-baseline
 * is not inherited in SVG 1.1, which resvg (our PNG renderer) follows, so it cannot be set once.
 */
export function appendCentredText(parent: AnySelection, y: number): AnySelection {
  return parent.append<SVGElement>('text').attr('y', y).attr('dy', '0.35em');
}

export function appendText(
  parent: AnySelection,
  text: string,
  attributes: Record<string, string | number>,
): AnySelection {
  const node = parent.append<SVGElement>('text').attr('dy', '0.35em').text(text);
  for (const [name, value] of Object.entries(attributes)) node.attr(name, value);
  return node;
}

/**
 * A background-coloured block behind a label, so gridlines and event rules stop short of the text
 * instead of striking through it (a glyph halo alone would leave them showing between words).
 */
export function appendBackdrop(parent: AnySelection, left: number, centreY: number, textWidth: number, height: number) {
  parent
    .append('rect')
    .attr('x', left - 2)
    .attr('y', centreY - height / 2)
    .attr('width', textWidth + 4)
    .attr('height', height);
}

const SNAPPED_ATTRIBUTES = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'd'];

/**
 * Rounds every coordinate to half a pixel (one device pixel on a 2x screen; a day is 0.3 to 0.6 px
 * here, so no span moves by more than a day). The embed page carries both variants and must stay
 * under 10 KB gzipped; coordinates are the least compressible part of the markup, and halves
 * compress far better than render.ts's tenths.
 */
export function snapToHalfPixels(root: Element) {
  for (const element of root.querySelectorAll('*')) {
    for (const name of SNAPPED_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      element.setAttribute(
        name,
        value.replace(/-?\d*\.?\d+(?:e-?\d+)?/g, (number) => String(Math.round(Number(number) * 2) / 2)),
      );
    }
  }
}
