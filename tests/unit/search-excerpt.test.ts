/**
 * Search results show Pagefind's excerpt as text with its highlights. The excerpt below is what
 * Pagefind 1.6 returned, in Chromium, for a page whose text reads
 * "zebra Tom & Jerry <b>bold</b> literal &amp; zebra": only < and > come escaped.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { excerptNodes } from '../../src/scripts/search.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function shown(excerpt: string) {
  const nodes = excerptNodes(excerpt, document as unknown as Document);
  return {
    text: nodes.map((node) => node.textContent).join(''),
    marks: nodes.filter((node) => node.nodeName === 'MARK').map((node) => node.textContent),
    elements: nodes.filter((node) => node.nodeType === 1).map((node) => node.nodeName),
  };
}

describe('search excerpts', () => {
  it('show the text as the page reads, with only the matches marked', () => {
    expect(shown('<mark>zebra</mark> Tom & Jerry &lt;b&gt;bold&lt;/b&gt; literal &amp; <mark>zebra.</mark>')).toEqual({
      text: 'zebra Tom & Jerry <b>bold</b> literal &amp; zebra.',
      marks: ['zebra', 'zebra.'],
      elements: ['MARK', 'MARK'],
    });
  });

  it('never turn text into elements, even raw markup', () => {
    const result = shown('<img src=x onerror=alert(1)> <mark>x</mark> <script>alert(2)</script>');
    expect(result.elements).toEqual(['MARK']);
    expect(result.text).toBe('<img src=x onerror=alert(1)> x <script>alert(2)</script>');
  });
});
