/**
 * claims.csv's vague_words: required of a vague claim, empty for every other, and found in the
 * quote as whole words (case aside), each defect one message naming file, row, column and value.
 * Every vague claim in data/ is then worded with its own words and "(no number given)".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { DataValidationError, formatDefect, loadDataset, validateDatasetTexts } from '../../src/lib/dataset.ts';
import { claimClause, formatFigure } from '../../src/lib/format.ts';
import { quoteHasWords } from '../../src/lib/vague-words.ts';
import { claimCardAlt, claimCardFacts } from '../../src/site/claim-card.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const good = (file: string) => readFileSync(join(fixtures, 'good-data', file), 'utf8');
const bad = (file: string) => readFileSync(join(fixtures, 'bad-data', file), 'utf8');

function messagesWith(claims: string): string[] {
  try {
    validateDatasetTexts({
      claims,
      claimants: good('claimants.csv'),
      sources: good('sources.csv'),
      events: good('events.csv'),
    });
  } catch (error) {
    if (error instanceof DataValidationError) return error.defects.map(formatDefect);
    throw error;
  }
  return [];
}

describe('quoteHasWords', () => {
  it('finds the words whole, ignoring case and runs of spaces', () => {
    expect(quoteHasWords('Dozens of junta soldiers defected', 'dozens of')).toBe(true);
    expect(quoteHasWords('an undisclosed  number of junta soldiers', 'an undisclosed number of')).toBe(true);
    expect(quoteHasWords('not only have many soldiers', 'Many')).toBe(true);
  });

  it('refuses part of a word and words the quote does not have', () => {
    expect(quoteHasWords('soldiers fled to Germany', 'many')).toBe(false);
    expect(quoteHasWords('Hundreds of soldiers', 'Dozens of')).toBe(false);
    // Regular-expression characters in the cell are taken literally.
    expect(quoteHasWords('several soldiers', 's.veral')).toBe(false);
  });

  it('refuses look-alikes that /iu folds but simple case does not: long s, the Kelvin sign', () => {
    expect(quoteHasWords('Several soldiers', '\u017feveral')).toBe(false);
    expect(quoteHasWords('\u017feveral soldiers', 'Several')).toBe(false);
    expect(quoteHasWords('Kyaw and a kind few', '\u212ayaw')).toBe(false);
    expect(quoteHasWords('\u212ayaw and others', 'kyaw')).toBe(false);
    // A look-alike earlier in the quote does not hide the real words later.
    expect(quoteHasWords('\u017feveral, then several soldiers', 'SEVERAL')).toBe(true);
    expect(quoteHasWords('Dozens  Of soldiers', 'dozens of')).toBe(true);
  });
});

describe('the validator', () => {
  it('accepts the good fixture, whose vague row has its words', () => {
    expect(messagesWith(good('claims.csv'))).toEqual([]);
  });

  it('rejects words the quote does not have (bad-input corpus)', () => {
    expect(messagesWith(bad('claims.vague-words-not-in-quote.csv'))).toEqual([
      'data/claims.csv, row 4, column "vague_words": found "Dozens of"; expected words that appear in the quote (case aside), as published',
    ]);
  });

  it('rejects words that match the quote only through a look-alike letter', () => {
    const claims = good('claims.csv').replace(',vague,Hundreds of,', ',vague,Hundred\u017f of,');
    expect(claims).not.toBe(good('claims.csv'));
    expect(messagesWith(claims)).toEqual([
      'data/claims.csv, row 4, column "vague_words": found "Hundred\u017f of"; expected words that appear in the quote (case aside), as published',
    ]);
  });

  it('requires the words of a vague claim', () => {
    expect(messagesWith(good('claims.csv').replace(',vague,Hundreds of,', ',vague,,'))).toEqual([
      'data/claims.csv, row 4, column "vague_words": found ""; expected the quote’s own words for how many (e.g. "Dozens of"), because the qualifier is vague',
    ]);
  });

  it('refuses words on a claim with a number', () => {
    const claims = good('claims.csv').replace(',3000,people,about,,', ',3000,people,about,around,');
    expect(claims).not.toBe(good('claims.csv'));
    expect(messagesWith(claims)).toEqual([
      'data/claims.csv, row 2, column "vague_words": found "around"; expected an empty cell, because the qualifier is about (only vague claims have vague words)',
    ]);
  });
});

describe('every vague claim in data/', () => {
  const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));
  const vague = data.claims.filter((claim) => claim.qualifier === 'vague');

  it('has its own words, and only vague claims have any', () => {
    expect(vague.map((claim) => claim.vague_words).sort()).toEqual(
      ['Dozens of', 'Hundreds of', 'Many', 'Several', 'an undisclosed number of', 'many', 'many'].sort(),
    );
    for (const claim of data.claims.filter((other) => other.qualifier !== 'vague'))
      expect(claim.vague_words).toBeNull();
  });

  it.each(vague.map((claim) => [claim.id, claim] as const))('%s reads in its words, never as a number', (_, claim) => {
    const words = claim.vague_words!.toLowerCase();
    expect(claimClause(claim)).toMatch(new RegExp(`^${words} .* \\(no number given\\)$`));
    expect(formatFigure(claim)).toBe(`${words.replace(/ of$/, '')} (no number given)`);
    const facts = claimCardFacts(claim, data);
    expect(facts.figure.toLowerCase()).toBe(formatFigure(claim));
    expect(claimCardAlt(facts)).toContain('(no number given)');
    expect(claimCardAlt(facts)).not.toContain('unstated');
  });
});
