/**
 * SVG helpers shared by the timeline's parts: text centred on its y, label backdrops, and the
 * half-pixel snapping that keeps the embed inside its byte budget.
 */
import type { Selection } from 'd3';
import { CHART_FONT_SIZE } from '../render.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type AnySelection = Selection<SVGElement, unknown, null, undefined>;

/**
 * Where a line of chart text (CHART_FONT_SIZE, every text here) has its baseline: 0.35 em below its
 * vertical middle. It is written into each text's y rather than as dy="0.35em" on ~90 texts (the
 * timeline embed has a 10 KB budget); dominant-baseline is no way out, since SVG 1.1, which resvg
 * (our PNG renderer) follows, does not inherit it.
 */
export const baselineOf = (middle: number) => middle + 0.35 * CHART_FONT_SIZE;

/** A text whose vertical middle is at `y`. */
export function appendCentredText(parent: AnySelection, y: number): AnySelection {
  return parent.append<SVGElement>('text').attr('y', baselineOf(y));
}

/** A text with its attributes, whose vertical middle is at `y`. */
export function appendText(
  parent: AnySelection,
  text: string,
  { y, ...attributes }: { y: number } & Record<string, string | number>,
): AnySelection {
  const node = appendCentredText(parent, y).text(text);
  for (const [name, value] of Object.entries(attributes)) node.attr(name, value);
  return node;
}

/**
 * A background-coloured block behind a label, so gridlines stop short of the text instead of
 * striking through it (a glyph halo alone would leave them showing between words), as a subpath:
 * a lane's backdrops are drawn as one path (the timeline embed has a 10 KB budget).
 */
export function backdropPath(left: number, centreY: number, textWidth: number, height: number): string {
  return `M${left - 2},${centreY - height / 2}h${textWidth + 4}v${height}h${-(textWidth + 4)}z`;
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
