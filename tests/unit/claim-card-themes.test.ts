/**
 * Claim cards in dark as well as light: the same layout in the dark theme's colours, drawn dark, and
 * the image codes offering them as the chart image codes do. Light is the default; a chosen theme
 * gets that theme's PNGs alone; only "follow the reader's setting" swaps the dark card in, through a
 * <picture> source with media="(prefers-color-scheme: dark)", which DOMPurify keeps.
 */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import DOMPurify from 'isomorphic-dompurify';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { resvgFontOptions } from '../../src/charts/export.ts';
import { THEMES } from '../../src/charts/palette.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { CLAIM_CARD_SIZES, claimCardFacts, claimEmbedCodes, claimImageCode } from '../../src/site/claim-card.ts';
import { claimCardSvg } from '../../src/site/claim-card-png.ts';
import { NARROW_IMAGE_MEDIA } from '../../src/site/embed.ts';
import { routes, type ClaimCardSize } from '../../src/site/routes.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));
const SITE = new URL('https://charts.example.org/');
const claim = data.claims[0]!;
const facts = claimCardFacts(claim, data);
const url = (size: ClaimCardSize, theme: 'light' | 'dark') =>
  new URL(routes.claimCard(claim.id, size, theme), SITE).href;
const DARK = '(prefers-color-scheme: dark)';

/** The RGB of one pixel of the rasterised SVG. */
function pixel(svg: string, x: number, y: number): string {
  const image = new Resvg(svg, { font: resvgFontOptions() }).render();
  const offset = (y * image.width + x) * 4;
  const hex = (value: number) => value.toString(16).padStart(2, '0');
  return `#${hex(image.pixels[offset]!)}${hex(image.pixels[offset + 1]!)}${hex(image.pixels[offset + 2]!)}`;
}

describe('the dark card', () => {
  it('has its own address beside the light one', () => {
    expect(routes.claimCard('x', 'wide')).toBe('/cards/claim/x-wide.png');
    expect(routes.claimCard('x', 'wide', 'dark')).toBe('/cards/claim/x-wide-dark.png');
  });

  it.each(Object.keys(CLAIM_CARD_SIZES) as ClaimCardSize[])(
    '%s: the light layout in the dark colours, drawn dark',
    (size) => {
      const light = claimCardSvg(facts, size);
      const dark = claimCardSvg(facts, size, undefined, 'dark');
      // Same text, same places: only fills change.
      const layout = (svg: string) => svg.replace(/ fill="#[0-9a-f]{6}"/g, '');
      expect(layout(dark)).toBe(layout(light));
      expect(dark).toContain(`fill="${THEMES.dark.background}"`);
      expect(dark).toContain(`fill="${THEMES.dark.text}"`);
      expect(dark).not.toContain(`fill="${THEMES.light.background}"`);
      const width = CLAIM_CARD_SIZES[size].width;
      // Top right, away from the accent bar and the text: the background as drawn.
      expect(pixel(dark, width - 4, 4)).toBe(THEMES.dark.background);
      expect(pixel(light, width - 4, 4)).toBe(THEMES.light.background);
    },
  );
});

describe('the card image codes', () => {
  const parse = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
  const sources = (html: string) =>
    [...parse(html).querySelectorAll('picture > source')].map((source) => [
      source.getAttribute('media'),
      source.getAttribute('srcset'),
    ]);

  it('are light by default, with no dark card in them', () => {
    const code = claimEmbedCodes(facts, SITE).image;
    expect(code).toBe(claimImageCode(facts, SITE, 'light'));
    expect(code).not.toContain('-dark.png');
    expect(parse(code).querySelector('img')?.getAttribute('src')).toBe(url('wide', 'light'));
    expect(sources(code)).toEqual([[NARROW_IMAGE_MEDIA, url('narrow', 'light')]]);
  });

  it('are dark alone when dark is chosen', () => {
    const code = claimImageCode(facts, SITE, 'dark');
    expect(code).not.toMatch(/-(wide|narrow)\.png/);
    expect(parse(code).querySelector('img')?.getAttribute('src')).toBe(url('wide', 'dark'));
    expect(sources(code)).toEqual([[NARROW_IMAGE_MEDIA, url('narrow', 'dark')]]);
    expect(code).not.toContain('prefers-color-scheme');
  });

  it('follow the reader only when asked: dark sources by media query, the light card otherwise', () => {
    const code = claimImageCode(facts, SITE, 'auto');
    expect(sources(code)).toEqual([
      [`${DARK} and ${NARROW_IMAGE_MEDIA}`, url('narrow', 'dark')],
      [DARK, url('wide', 'dark')],
      [NARROW_IMAGE_MEDIA, url('narrow', 'light')],
    ]);
    expect(parse(code).querySelector('img')?.getAttribute('src')).toBe(url('wide', 'light'));
    // DOMPurify keeps <picture> and its sources, so the dark card reaches dark-mode readers.
    expect(sources(DOMPurify.sanitize(code))).toEqual(sources(code));
  });
});
