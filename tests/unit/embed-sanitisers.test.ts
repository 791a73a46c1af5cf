/**
 * What a CMS's HTML sanitiser leaves of each embed code. sanitize-html and DOMPurify, each with its
 * defaults, stand for the two common families; sanitize-html "with images" is its documented way of
 * letting <img> through, which CMSs built on it commonly use. The gallery's "Kept by" notes
 * (EmbedCodes.astro) say what these tests find.
 */
import { join } from 'node:path';
import DOMPurify from 'isomorphic-dompurify';
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { chartFacts } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import {
  NARROW_IMAGE_MEDIA,
  creditSentence,
  embedCodes,
  explainerChartPath,
  exportSize,
} from '../../src/site/embed.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const data = chartData(loadDataset(join(ROOT, 'data')));
const SITE = new URL('https://charts.example.org/');

const SANITISERS = {
  'sanitize-html': (html: string) => sanitizeHtml(html),
  'sanitize-html with images': (html: string) =>
    sanitizeHtml(html, { allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img'] }),
  DOMPurify: (html: string) => DOMPurify.sanitize(html),
} as const;

function parse(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

/** Visible text, whitespace collapsed. */
function textOf(html: string): string {
  return (parse(html).body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))(
  'the embed codes of %s through sanitisers',
  (_, chart) => {
    const codes = embedCodes(chart, data, SITE);
    const facts = chartFacts(chart, data);
    const credit = creditSentence(chart, data);
    const live = new URL(explainerChartPath(chart.id), SITE).href;

    it('writes a credit naming every claimant and outlet and saying the figures are unverified', () => {
      expect(credit).toMatch(/^Chart: .+[.?!] Source: .+, via .+\. Unverified claims\.$/);
      expect(credit).toContain(chart.title);
      for (const claimant of facts.credits.claimants) expect(credit).toContain(claimant.name);
      for (const source of facts.credits.sources) expect(credit).toContain(source.outlet);
    });

    for (const [name, sanitise] of Object.entries(SANITISERS)) {
      it(`keeps the image code's credit and a visible link to the live chart (${name})`, () => {
        const out = parse(sanitise(codes.image));
        expect(textOf(sanitise(codes.image))).toContain(credit);
        const links = [...out.querySelectorAll('a')];
        expect(links.map((a) => a.getAttribute('href'))).toContain(live);
        // Every link that survives has words in it: no empty, invisible links.
        for (const a of links) expect(a.textContent?.trim()).not.toBe('');
      });

      it(`keeps the text code whole (${name})`, () => {
        expect(textOf(sanitise(codes.text))).toBe(codes.text);
        expect(codes.text).toBe(`${credit} ${live}`);
      });
    }

    it('keeps the picture with its source and alt text where images are allowed', () => {
      for (const name of ['sanitize-html with images', 'DOMPurify'] as const) {
        const img = parse(SANITISERS[name](codes.image)).querySelector('img');
        expect(img, name).not.toBeNull();
        expect(img?.getAttribute('src'), name).toBe(new URL(`/charts/${chart.id}-light.png`, SITE).href);
        expect(img?.getAttribute('alt'), name).toBe(facts.altText);
        expect(img?.getAttribute('width'), name).toMatch(/^\d+$/);
      }
    });

    it('keeps the narrow PNG for phones, with its own size, where <picture> survives (DOMPurify)', () => {
      const out = parse(SANITISERS.DOMPurify(codes.image));
      const source = out.querySelector('picture > source');
      expect(source?.getAttribute('media')).toBe(NARROW_IMAGE_MEDIA);
      expect(source?.getAttribute('srcset')).toBe(
        `${new URL(`/charts/${chart.id}-light-narrow.png`, SITE).href}, ${new URL(`/charts/${chart.id}-light-narrow@2x.png`, SITE).href} 2x`,
      );
      const narrow = exportSize(chart, data, SITE, 'narrow');
      expect(source?.getAttribute('width')).toBe(String(narrow.width));
      expect(source?.getAttribute('height')).toBe(String(narrow.height));
      // The <img> after it is the fallback, the wide PNG.
      expect(out.querySelector('picture > source + img')?.getAttribute('src')).toMatch(/-light\.png$/);
    });

    it('falls back to the wide image, whole, where <picture> is dropped (sanitize-html with images)', () => {
      const out = parse(SANITISERS['sanitize-html with images'](codes.image));
      expect(out.querySelector('picture, source')).toBeNull();
      const img = out.querySelector('img');
      const wide = exportSize(chart, data, SITE);
      expect(img?.getAttribute('width')).toBe(String(wide.width));
      expect(img?.getAttribute('height')).toBe(String(wide.height));
      expect(img?.getAttribute('srcset')).toContain('-light@2x.png 2x');
    });

    it('loses the image, not the credit, under sanitize-html defaults', () => {
      const out = SANITISERS['sanitize-html'](codes.image);
      expect(parse(out).querySelector('img')).toBeNull();
      expect(textOf(out)).toContain(credit);
    });

    it('loses the iframe codes under both sanitisers, as the gallery says', () => {
      for (const sanitise of Object.values(SANITISERS)) {
        for (const code of [codes.responsive, codes.iframe]) {
          const out = parse(sanitise(code));
          expect(out.querySelector('iframe')).toBeNull();
          expect(out.querySelector('script')).toBeNull();
        }
      }
    });
  },
);
