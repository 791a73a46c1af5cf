/**
 * The search index Pagefind wrote over the built site (test-output/dist/pagefind/), read from its
 * files: every claim is in it (its quote, as the pages print it), the explainer, sources and
 * claimants pages are in it, embeds are not, and only the search page loads Pagefind or allows
 * WebAssembly in its policy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const PAGEFIND = join(BUILT_SITE, 'pagefind');

interface Fragment {
  url: string;
  content: string;
}

/** Pagefind's fragments: gzip, a "pagefind_dcd" signature, then JSON with the page's indexed text. */
function fragments(): Fragment[] {
  const folder = join(PAGEFIND, 'fragment');
  return readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    expect(text.startsWith('pagefind_dcd'), name).toBe(true);
    return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
  });
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Text as Pagefind keeps it: runs of white space are one space. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the search index', () => {
  const indexed = fragments();
  const everything = words(indexed.map((fragment) => fragment.content).join(' '));

  it('is built, with its script and its WebAssembly', () => {
    expect(existsSync(join(PAGEFIND, 'pagefind.js'))).toBe(true);
    expect(readdirSync(PAGEFIND).some((name) => name.startsWith('wasm.') && name.endsWith('.pagefind'))).toBe(true);
  });

  it('covers the explainer, the methodology, the sources and the claimants, and no embed', () => {
    const urls = indexed.map((fragment) => fragment.url);
    for (const url of ['/', '/methodology/', '/sources/', '/claimants/', '/about/']) expect(urls).toContain(url);
    expect(urls.filter((url) => url.startsWith('/embed/') || url === '/search/')).toEqual([]);
  });

  it.each(data.claims.map((claim) => [claim.id, claim]))('covers claim %s: its quote and its id', (id, claim) => {
    expect(everything).toContain(words(claim.quote));
    expect(everything).toContain(id);
  });
});

describe('only the search page loads search', () => {
  const pages = htmlFiles(BUILT_SITE).map((path) => ({
    path: relative(BUILT_SITE, path),
    html: readFileSync(path, 'utf8'),
  }));

  it('no other page refers to Pagefind', () => {
    const others = pages.filter(({ path, html }) => path !== 'search/index.html' && html.includes('/pagefind/'));
    expect(others.map(({ path }) => path)).toEqual([]);
  });

  it("only the search page's policy allows WebAssembly, and never 'unsafe-eval' or 'unsafe-inline'", () => {
    const allowing = pages.filter(({ html }) => html.includes("'wasm-unsafe-eval'")).map(({ path }) => path);
    expect(allowing).toEqual(['search/index.html']);
    for (const { html } of pages) expect(html).not.toMatch(/'unsafe-(eval|inline)'/);
  });

  it('without JavaScript the search page says so and links to the lists, and the search box is hidden', () => {
    const search = pages.find(({ path }) => path === 'search/index.html')!.html;
    expect(search).toMatch(/Search needs JavaScript/);
    expect(search).toMatch(/<div class="search" data-search [^>]*hidden>/);
  });
});
