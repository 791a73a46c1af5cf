/**
 * SVG is well-formed XML whatever the data's text (src/charts/svg-xml.ts, used by the renderer and
 * every SVG written as a string): a claimant called "Arakan Army & allies <AA>" must build, draw
 * and rasterise, with its text escaped rather than taken for markup.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { exportPng, exportSvg, pngSize } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { escapeXml, escapeXmlText, serializeSvg, xmlSafe } from '../../src/charts/svg-xml.ts';
import { validateDatasetTexts } from '../../src/lib/dataset.ts';
import { ogCardSvg } from '../../src/site/og.ts';
import { chartCard } from '../../src/site/og-cards.ts';
import { inlineSvgs, xmlError } from '../static/xml.ts';
import { editDataTexts, readDataTexts } from './data-texts.ts';

const CLAIMANT = 'Arakan Army & allies <AA>';
const QUOTE = `He said "453 & more" left <today>, and 'more' will`;
const HEADLINE = '</script><script>alert(1)</script> & <!-- ]]>';

const texts = editDataTexts(readDataTexts(), [
  { file: 'claimants', row: 0, column: 'name', value: CLAIMANT },
  { file: 'claimants', row: 0, column: 'short_name', value: 'AA & <allies>' },
  { file: 'claims', row: 0, column: 'quote', value: QUOTE },
  { file: 'sources', row: 0, column: 'outlet', value: 'Radio "Free" Asia & <Co>' },
  { file: 'sources', row: 0, column: 'headline', value: HEADLINE },
]);
const data = chartData(validateDatasetTexts(texts));
const exportOptions = { theme: 'light', explainerUrl: 'https://example.test/?a=1&b=2', siteName: 'Us & them' } as const;

describe('the escapes', () => {
  it('escape &, < and > in text, and " too in attribute values', () => {
    expect(escapeXmlText(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`);
    // An XML parser would turn literal tabs and line breaks in an attribute into spaces.
    expect(escapeXml('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXmlText('a\tb\nc')).toBe('a\tb\nc');
    // An existing reference is text like any other: its & is escaped, so it reads back as typed.
    expect(escapeXml('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('replace what XML 1.0 cannot carry at all with U+FFFD, and keep the rest (Burmese, emoji, tab)', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000bd\u001fe\ufffef\uffff')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffd');
    expect(xmlSafe('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
    expect(xmlSafe('မြန်မာ 🇲🇲\ttab\nline')).toBe('မြန်မာ 🇲🇲\ttab\nline');
  });
});

describe('serializeSvg', () => {
  it('writes a DOM with markup characters in text and attributes as XML that parses back to the same text', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    text.setAttribute('aria-label', `${CLAIMANT} "quoted" & more`);
    text.textContent = `${HEADLINE} \u0001`;
    svg.append(text, document.createElementNS('http://www.w3.org/2000/svg', 'path'));
    const markup = serializeSvg(svg as unknown as Element);
    expect(markup).toBe(
      '<svg><text aria-label="Arakan Army &amp; allies &lt;AA&gt; &quot;quoted&quot; &amp; more">' +
        '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- ]]&gt; \ufffd</text><path /></svg>',
    );
    expect(xmlError(markup)).toBeNull();
    const parsed = parseHTML(`<html><body>${markup}</body></html>`).document.querySelector('text');
    expect(parsed?.getAttribute('aria-label')).toBe(`${CLAIMANT} "quoted" & more`);
  });
});

describe('charts drawn from text with &, <, >, quotes and </script>', () => {
  it.each(CHARTS.map((chart) => [chart.id, chart] as const))('%s: both widths are well-formed XML', (_, chart) => {
    for (const width of Object.values(VARIANT_WIDTHS)) {
      const svg = renderChart(chart, data, width);
      expect(xmlError(svg), `${chart.id} at ${width}px`).toBeNull();
      expect(svg).not.toContain('<AA>');
      expect(svg).not.toContain('<script');
    }
  });

  it('names the claimant escaped, in text and in labels', () => {
    const all = CHARTS.map((chart) => renderChart(chart, data, VARIANT_WIDTHS.wide)).join('');
    expect(all).toContain('Arakan Army &amp; allies &lt;AA&gt;');
    expect(all).toContain('AA &amp; &lt;allies&gt;');
  });

  it.each(CHARTS.map((chart) => [chart.id, chart] as const))('%s: the download and its PNG render', (_, chart) => {
    const { svg, width, height } = exportSvg(chart, data, exportOptions);
    expect(xmlError(svg)).toBeNull();
    const png = exportPng(chart, data, { ...exportOptions, scale: 1 });
    expect(pngSize(png.png)).toEqual({ width, height });
  });

  it('the share cards are well-formed XML too', () => {
    for (const chart of CHARTS) expect(xmlError(ogCardSvg(chartCard(chart.id), data, 'Us & <them>'))).toBeNull();
  });
});

describe('the test helpers', () => {
  it('xmlError catches what linkedom used to write', () => {
    expect(xmlError('<svg><text aria-label="A & B">x</text></svg>')).toMatch(/./);
    expect(xmlError('<svg><text>a < b</text></svg>')).toMatch(/./);
    expect(xmlError('<svg><text>fine &amp; well</text></svg>')).toBeNull();
  });

  it('inlineSvgs finds each outermost <svg> of a page, nested ones inside theirs', () => {
    const html = '<p>a</p><svg a="1"><svg><g/></svg></svg><div><svg/></div><svg><text>t</text></svg>';
    expect(inlineSvgs(html)).toEqual(['<svg a="1"><svg><g/></svg></svg>', '<svg/>', '<svg><text>t</text></svg>']);
  });
});
