/**
 * The built text as a reader gets it: no words run together at an inline element's edge
 * ("on thedownload page", "underCreative Commons"), which is what Astro 7's default `compressHTML:
 * 'jsx'` did to every source line break next to a link; see astro.config.mjs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BUILT_SITE } from './build-site.ts';

function htmlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return entry.endsWith('.html') ? [path] : [];
  });
}

const INLINE = 'a, strong, em, b, i, span, time, code, abbr, q, cite, small, mark';
// A letter or digit touching another across an element's edge: "the|download", "under|Creative".
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/** Text on either side of every inline element where a word runs into the element's own text. */
export function gluedWords(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const element of document.querySelectorAll(INLINE)) {
    if (element.closest('svg, script, style, template')) continue;
    const own = element.textContent ?? '';
    if (own.trim() === '') continue;
    const before = element.previousSibling;
    const after = element.nextSibling;
    // Only text nodes count: a neighbouring element is checked from its own side.
    if (before?.nodeType === 3 && WORD_END.test(before.textContent ?? '') && WORD_START.test(own)) {
      found.push(`…${(before.textContent ?? '').slice(-20)}|${own.slice(0, 20)}…`);
    }
    if (after?.nodeType === 3 && WORD_END.test(own) && WORD_START.test(after.textContent ?? '')) {
      found.push(`…${own.slice(-20)}|${(after.textContent ?? '').slice(0, 20)}…`);
    }
  }
  return found;
}

/**
 * A space before a full stop, comma, semicolon, colon or closing bracket, or after an opening one:
 * "(NUG, Dec 2023) ." or "( National" from a line break next to an element.
 */
export function spacedPunctuation(html: string): string[] {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll('script, style, template, svg')) element.remove();
  const text = document.body?.textContent ?? '';
  return [...text.matchAll(/\S[ \t\n]+[.,;:](?=\s|$)|\S[ \t\n]+\)|\([ \t\n]+\S/g)].map((match) =>
    text.slice(Math.max(0, match.index - 30), match.index + match[0].length).replace(/\s+/g, ' '),
  );
}

/** Punctuation doubled by joining a sentence to a title: "add up?. Source", "CDM..". */
export function doubledPunctuation(html: string): string[] {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll('script, style, template, svg')) element.remove();
  const text = document.body?.textContent ?? '';
  return [...text.matchAll(/[?!][.,]|[^.]\.\.(?!\.)/g)].map((match) =>
    text.slice(Math.max(0, match.index - 30), match.index + match[0].length).replace(/\s+/g, ' '),
  );
}

describe('words are never run together in the built text', () => {
  it('catches the defect it is for', () => {
    expect(gluedWords('<p>on the<a href="/">download page</a>.</p>')).toEqual(['…on the|download page…']);
    expect(gluedWords('<p>see <a href="/">it</a>now</p>')).toEqual(['…it|now…']);
    expect(gluedWords('<p>on the <a href="/">download page</a>, (<strong>2</strong>)</p>')).toEqual([]);
  });

  const pages = htmlFiles(BUILT_SITE);
  it('finds pages to check', () => expect(pages.length).toBeGreaterThan(10));
  it.each(pages.map((path) => relative(BUILT_SITE, path)))('%s', (path) => {
    const html = readFileSync(join(BUILT_SITE, path), 'utf8');
    expect(gluedWords(html)).toEqual([]);
    expect(spacedPunctuation(html)).toEqual([]);
    expect(doubledPunctuation(html)).toEqual([]);
  });

  it('catches doubled punctuation', () => {
    expect(
      doubledPunctuation('<html><body><p>Chart: Do they add up?. Source: x. CDM.. Then… and... ok</p></body></html>'),
    ).toEqual(['Chart: Do they add up?.', 'Do they add up?. Source: x. CDM..']);
  });

  it('catches a space left before punctuation', () => {
    expect(spacedPunctuation('<html><body><p>said <a>453</a> (NUG, 2021)\n  . Then</p></body></html>')).toEqual([
      'said 453 (NUG, 2021) .',
    ]);
    expect(spacedPunctuation('<html><body><p>part of <a>3,000</a> (\n  <b>NUG</b> )</p></body></html>')).toEqual([
      'part of 3,000 ( N',
      'part of 3,000 ( NUG )',
    ]);
    expect(spacedPunctuation('<html><body><p>said 453 (NUG, 2021). Then: 3, or 4; ok</p></body></html>')).toEqual([]);
  });
});
