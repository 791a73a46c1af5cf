/**
 * Words on the pages that once claimed more than the site does (standards review of issue 9).
 * The checks add figures the article invites adding, so "we never add them" was untrue; the pages
 * must say which sums they do instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pages = ['src/pages/index.astro', 'src/pages/methodology.astro'].map((path) => ({
  path,
  text: readFileSync(path, 'utf8').replace(/\s+/g, ' '),
}));

describe('the pages say exactly which sums the site does', () => {
  it.each(pages.map((page) => [page.path, page] as const))('%s', (_path, page) => {
    expect(page.text).not.toMatch(/we never (do|add)/i);
    expect(page.text).toMatch(/The only sums .* arithmetic checks/);
  });

  it('the methodology says the floors depend on reading "around" as ±10%', () => {
    expect(pages[1]!.text).toMatch(/floors shown depend on reading "around" as/);
  });
});
