/**
 * Readers never see the data's internal codes. Qualifier and action codes (`at_least`, `joined_cdm`)
 * and claim ids (`nug-defected-453-2021-09`) stay in the CSVs, in URLs and in <code>; every page's
 * visible text uses their words instead, and the tables under "The numbers behind this chart" show
 * readable dates, not ISO ones.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/dataset.ts';
import { ACTIONS, QUALIFIERS } from '../../src/lib/types.ts';
import { BUILT_SITE } from './build-site.ts';

function htmlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return entry.endsWith('.html') ? [path] : [];
  });
}

const data = loadDataset('data');
// Codes that are not also plain English: "about", "exact", "defected" read the same as their words.
const CODES = [...QUALIFIERS, ...ACTIONS].filter((code) => code.includes('_'));
const TOKENS = [...CODES, ...data.claims.map((claim) => claim.id)];

/** The text a reader sees: no scripts, styles, templates or <code>; attributes (URLs) are not text. */
export function visibleText(html: string): string {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll('script, style, template, code')) element.remove();
  return document.documentElement.textContent ?? '';
}

/** Each code or claim id standing as a word of its own in the text, with a little context. */
export function codesIn(text: string, tokens: readonly string[] = TOKENS): string[] {
  return tokens.flatMap((token) => {
    const match = new RegExp(`(?<![\\w/#-])${token.replace(/[-]/g, '\\-')}(?![\\w-])`).exec(text);
    return match
      ? [`${token} in “…${text.slice(Math.max(0, match.index - 30), match.index + token.length + 10)}…”`]
      : [];
  });
}

describe('the check itself', () => {
  it('finds a code or an id in text, and not in <code>, scripts or links', () => {
    expect(codesIn(visibleText('<p>Coded as answered_call.</p>'))).toHaveLength(1);
    expect(codesIn(visibleText('<td>nug-defected-453-2021-09</td>'))).toHaveLength(1);
    expect(
      codesIn(visibleText('<p><code>at_least</code> <a href="/claims/nug-defected-453-2021-09/">453</a></p>')),
    ).toEqual([]);
  });
});

describe('no internal code on any page', () => {
  const pages = htmlFiles(BUILT_SITE);

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it('shows words, not qualifier codes, action codes or claim ids, on every page', () => {
    const found = pages.flatMap((page) =>
      codesIn(visibleText(readFileSync(page, 'utf8'))).map((hit) => `${relative(BUILT_SITE, page)}: ${hit}`),
    );
    expect(found).toEqual([]);
  });

  it('dates the rows of every chart table in words, not ISO dates', () => {
    const index = readFileSync(join(BUILT_SITE, 'index.html'), 'utf8');
    const { document } = parseHTML(index);
    const cells = [...document.querySelectorAll('details table td')].map((cell) => cell.textContent?.trim() ?? '');
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.filter((cell) => /^\d{4}-\d{2}(-\d{2})?$/.test(cell))).toEqual([]);
  });
});
