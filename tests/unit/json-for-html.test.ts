/**
 * jsonForHtml: JSON that cannot break out of the <script> element it stands in, and reads back
 * with JSON.parse to the value it was made from.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { jsonForHtml } from '../../src/lib/json-for-html.ts';

const BREAK_OUTS = [
  '</script><script>alert(1)</script>',
  '<!-- <script>',
  '</SCRIPT >',
  ']]> & &amp; &lt;',
  'line\u2028separator\u2029paragraph',
  'Arakan Army & allies <AA> "quoted" \'single\'',
  'မြန်မာ တပ်မတော်',
];

describe('jsonForHtml', () => {
  it.each(BREAK_OUTS)('escapes %j and JSON.parse reads back the same value', (text) => {
    const value = { '@type': 'NewsArticle', headline: text, nested: [text, { text }], n: 3, ok: true, none: null };
    const json = jsonForHtml(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('writes the escapes as \\u003c, \\u003e, \\u0026, \\u2028 and \\u2029', () => {
    // '<' is U+003C, '>' U+003E, '&' U+0026: six characters each, lower-case hex.
    expect(jsonForHtml('<a>&\u2028\u2029')).toBe('"\\u003ca\\u003e\\u0026\\u2028\\u2029"');
  });

  it('leaves JSON without those characters exactly as JSON.stringify writes it', () => {
    const value = { a: 'plain "text" with \\ and \n', b: [1, 2.5, -3] };
    expect(jsonForHtml(value)).toBe(JSON.stringify(value));
  });

  it('keeps a hostile headline inside one JSON-LD script when an HTML parser reads the page', () => {
    const value = { headline: '</script><script>alert(1)</script><!--' };
    const html = `<!doctype html><html><head><script type="application/ld+json">${jsonForHtml(value)}</script></head><body></body></html>`;
    const { document } = parseHTML(html);
    const scripts = document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]?.textContent ?? '')).toEqual(value);
  });

  it('refuses a value JSON cannot represent rather than write "undefined"', () => {
    expect(() => jsonForHtml(undefined)).toThrow(TypeError);
  });
});
