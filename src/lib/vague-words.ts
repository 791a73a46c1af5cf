/**
 * The rule for claims.csv's `vague_words`: a vague claim (no figure) carries the quote's own words
 * for how many ("Dozens of", "an undisclosed number of", "many"), which readers see in place of a
 * number; every other claim leaves the cell empty. The words must stand in the quote as whole words
 * (case aside), so they can only be the source's, never ours.
 */
import type { DataDefect } from './dataset.ts';
import type { Claim } from './types.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `words` occur in `quote` as whole words, ignoring case and runs of spaces. */
export function quoteHasWords(quote: string, words: string): boolean {
  const pattern = words.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu').test(quote);
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
