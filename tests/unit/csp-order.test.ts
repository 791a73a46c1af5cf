/**
 * The CSP <meta> comes first in <head>, after <meta charset>: the build step that moves it there
 * (src/integrations/csp-meta-first.ts) and the static check that holds every page to it.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { moveCspMetaFirst } from '../../src/integrations/csp-meta-first.ts';
import { checkCspFirst } from '../static/csp.ts';

const CSP = `<meta http-equiv="content-security-policy" content="script-src 'self'; style-src 'self'">`;
// The order Astro writes: everything the layout puts in <head>, then the policy just before </head>.
const AS_ASTRO_WRITES =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>' +
  '<link rel="stylesheet" href="/theme.css"><script type="application/ld+json">{}</script>' +
  `${CSP}<script type="module" src="/a.js"></script></head><body><p>x</p></body></html>`;

function check(html: string): string[] {
  const { document } = parseHTML(html);
  const meta = document.querySelector('meta[http-equiv]') as unknown as Element;
  return checkCspFirst('page.html', html, meta);
}

describe('moveCspMetaFirst', () => {
  it('moves the policy to just after <meta charset> and leaves the rest in order', () => {
    expect(moveCspMetaFirst(AS_ASTRO_WRITES)).toBe(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${CSP}<title>t</title>` +
        '<link rel="stylesheet" href="/theme.css"><script type="application/ld+json">{}</script>' +
        '<script type="module" src="/a.js"></script></head><body><p>x</p></body></html>',
    );
  });

  it('puts it at the start of <head> when there is no <meta charset>', () => {
    expect(moveCspMetaFirst(`<html><head lang="en"><title>t</title>${CSP}</head></html>`)).toBe(
      `<html><head lang="en">${CSP}<title>t</title></head></html>`,
    );
  });

  it('leaves a page without a policy as it is, and refuses one with two', () => {
    expect(moveCspMetaFirst('<html><head><title>t</title></head></html>')).toBe(
      '<html><head><title>t</title></head></html>',
    );
    expect(() => moveCspMetaFirst(`<head>${CSP}${CSP}</head>`, 'x.html')).toThrow('x.html: 2 CSP <meta> elements');
  });

  it('is idempotent', () => {
    const once = moveCspMetaFirst(AS_ASTRO_WRITES);
    expect(moveCspMetaFirst(once)).toBe(once);
  });
});

describe('checkCspFirst', () => {
  it('fails the order Astro writes: stylesheet and JSON-LD before the policy', () => {
    expect(check(AS_ASTRO_WRITES)).toEqual([
      'page.html: the CSP <meta> is not the first element of <head> after <meta charset> (after <title>, <link>, <script>)',
      'page.html: a stylesheet <link> comes before the CSP <meta>, which cannot govern it',
      'page.html: a <script> comes before the CSP <meta>, which cannot govern it',
    ]);
  });

  it('passes the moved page', () => {
    expect(check(moveCspMetaFirst(AS_ASTRO_WRITES))).toEqual([]);
  });
});
