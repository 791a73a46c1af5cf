/**
 * The rule for claims.csv's `vague_words`: a vague claim (no figure) carries the quote's own words
 * for how many ("Dozens of", "an undisclosed number of", "many"), which readers see in place of a
 * number; every other claim leaves the cell empty. The words must stand in the quote as whole words
 * (case aside), so they can only be the source's, never ours.
 */
import type { DataDefect } from './dataset.ts';
import type { Claim } from './types.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `words` occur in `quote` as whole words, ignoring simple case and runs of spaces. The
 * regular expression's /iu also folds look-alikes (ſ U+017F for s, the Kelvin sign U+212A for k), so
 * a match counts only if it is the cell's text with letters changed to upper or lower case alone.
 */
export function quoteHasWords(quote: string, words: string): boolean {
  const pattern = words.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  const matches = quote.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'));
  return [...matches].some((match) => sameUpToCase(match[0], words));
}

const collapseSpaces = (text: string) => text.trim().replace(/\s+/gu, ' ');

/** Equal once both are lower-cased and once both are upper-cased: K (U+212A) and k lower-case alike, not upper. */
function sameUpToCase(a: string, b: string): boolean {
  const [x, y] = [collapseSpaces(a), collapseSpaces(b)];
  return x.toLowerCase() === y.toLowerCase() && x.toUpperCase() === y.toUpperCase();
}

export function checkVagueWords(
  file: string,
  row: number,
  claim: Pick<Claim, 'qualifier' | 'vague_words' | 'quote'>,
  defects: DataDefect[],
): void {
  const column = 'vague_words';
  const words = claim.vague_words;
  if (claim.qualifier !== 'vague') {
    if (words !== null)
      defects.push({
        file,
        row,
        column,
        value: words,
        expected: `an empty cell, because the qualifier is ${claim.qualifier} (only vague claims have vague words)`,
      });
    return;
  }
  if (words === null || words.trim() === '') {
    defects.push({
      file,
      row,
      column,
      value: words ?? '',
      expected: 'the quote’s own words for how many (e.g. "Dozens of"), because the qualifier is vague',
    });
  } else if (!quoteHasWords(claim.quote, words)) {
    defects.push({
      file,
      row,
      column,
      value: words,
      expected: 'words that appear in the quote (case aside), as published',
    });
  }
}
