/**
 * The security review of issue 10's validator: each finding as a test that failed before its fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, formatDefect, validateDatasetTexts, type DataDefect } from '../../src/lib/dataset.ts';
import { formatNumber, formatPerDay, formatRate } from '../../src/lib/format.ts';
import type { DataFileKey } from '../../src/lib/schema.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const good = (file: string) => readFileSync(join(fixtures, 'good-data', file), 'utf8');
const bad = (file: string) => readFileSync(join(fixtures, 'bad-data', file), 'utf8');

function messagesWith(replacement: Partial<Record<DataFileKey, string | null>>): string[] {
  try {
    validateDatasetTexts({
      claims: good('claims.csv'),
      claimants: good('claimants.csv'),
      sources: good('sources.csv'),
      events: good('events.csv'),
      ...replacement,
    });
  } catch (error) {
    if (error instanceof DataValidationError) return error.defects.map((defect: DataDefect) => formatDefect(defect));
    throw error;
  }
  return [];
}

describe('numbers have a stated ceiling', () => {
  it('rejects a figure of 15 followed by 400 zeros, which JavaScript reads as Infinity', () => {
    const messages = messagesWith({ claims: bad('claims.absurd-figure.csv') });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^data\/claims\.csv, row 2, column "figure": found "15000.*expected the figure: at most 1,000,000 \(/,
    );
  });

  it('accepts 1,000,000 people exactly and rejects one more', () => {
    const at = good('claims.csv').replace(',3000,people,', ',1000000,people,');
    expect(messagesWith({ claims: at })).toEqual([]);
    const over = good('claims.csv').replace(',3000,people,', ',1000001,people,');
    expect(messagesWith({ claims: over })).toEqual([
      'data/claims.csv, row 2, column "figure": found "1000001"; expected the figure: at most 1,000,000 (more people than Myanmar’s military and police together have ever had)',
    ]);
  });

  it('rejects a percent above 1,000 and stated_days above 3,660 (ten years)', () => {
    const percent = good('claims.csv').replace(',3000,people,', ',1001,percent,');
    expect(messagesWith({ claims: percent })).toEqual([
      'data/claims.csv, row 2, column "figure": found "1001"; expected the figure: at most 1,000 when the unit is percent (a share of a force, even stated as growth, is not ten times the whole)',
    ]);
    const days = good('claims.csv').replace(',,,3000,people,', ',,3661,3000,people,');
    expect(messagesWith({ claims: days })).toEqual([
      'data/claims.csv, row 2, column "stated_days": found "3661"; expected the number of days the article states: at most 3,660 (ten years, longer than any period since the 2021 coup)',
    ]);
  });

  it('still reports a thousands comma once, not also as over the ceiling', () => {
    expect(messagesWith({ claims: bad('claims.thousands-comma.csv') })).toHaveLength(1);
  });
});

describe('the number formatters refuse what is not a finite number', () => {
  for (const value of [Infinity, -Infinity, NaN]) {
    it(`throws on ${value}, naming it, instead of printing ∞`, () => {
      for (const format of [formatNumber, formatRate, formatPerDay]) {
        expect(() => format(value)).toThrow(`Refusing to format ${String(value)}`);
      }
    });
  }

  it('still formats ordinary values', () => {
    // 1,000,000 with the en-GB grouping; 3.66 to one decimal; 1/30 to two significant digits.
    expect(formatNumber(1_000_000)).toBe('1,000,000');
    expect(formatRate(3.66)).toBe('3.7');
    expect(formatPerDay(1 / 30)).toBe('0.033');
  });
});

describe('a file with a header and no rows', () => {
  const headerOnly = (file: string) => `${good(file).split('\n')[0]}\n`;

  it('sources.csv: named at row 2, and each claim and event citing a source is named at its row', () => {
    expect(messagesWith({ sources: headerOnly('sources.csv') })).toEqual([
      'data/sources.csv, row 2: expected at least one source below the header: every claim and event cites its source there',
      'data/claims.csv, row 2, column "source_id": found "fixture-source"; expected an id from data/sources.csv (it has no rows)',
      'data/claims.csv, row 3, column "source_id": found "fixture-source"; expected an id from data/sources.csv (it has no rows)',
      'data/claims.csv, row 4, column "source_id": found "fixture-source"; expected an id from data/sources.csv (it has no rows)',
      'data/events.csv, row 2, column "source_id": found "fixture-source"; expected an id from data/sources.csv (it has no rows)',
    ]);
  });

  it('claimants.csv: named at row 2, and each claim citing a claimant is named at its row', () => {
    const messages = messagesWith({ claimants: headerOnly('claimants.csv') });
    expect(messages[0]).toBe(
      'data/claimants.csv, row 2: expected at least one claimant below the header: every claim names its claimant there',
    );
    expect(messages.slice(1)).toEqual(
      [2, 3, 4].map(
        (row) =>
          `data/claims.csv, row ${row}, column "claimant_id": found "fixture-claimant"; expected an id from data/claimants.csv (it has no rows)`,
      ),
    );
  });

  it('events.csv and claims.csv: each named at row 2', () => {
    expect(messagesWith({ events: headerOnly('events.csv') })).toEqual([
      'data/events.csv, row 2: expected at least one event below the header: the timeline is built from the events',
    ]);
    expect(messagesWith({ claims: headerOnly('claims.csv') })).toEqual([
      'data/claims.csv, row 2: expected at least one claim below the header: the site is built from the claims',
    ]);
  });

  it('readings.csv may be header-only (it is optional)', () => {
    expect(messagesWith({ readings: headerOnly('../../../data/readings.csv') })).toEqual([]);
  });
});

describe('a root defect is reported once', () => {
  it('a 321-character quote on claims row 2 is one defect; the reading of that claim is not reported as unknown', () => {
    const quote = 'q'.repeat(321);
    const claims = good('claims.csv').replace(
      '"A fixture sentence with “typographic quotes”, a comma and around 3,000."',
      quote,
    );
    const readings =
      'claim_id,reading_id,label,claimant_ids,qualifier,scope,period_start,period_end,stated_days,quote,note\n' +
      'fixture-total-2021,since-coup,since the coup,,,,2021-02-01,,,A fixture sentence.,\n';
    const messages = messagesWith({ claims, readings });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^data\/claims\.csv, row 2, column "quote": .*expected at most 320 characters/);
  });

  it('a reading of a claim that is not in claims.csv at all is still reported', () => {
    const readings =
      'claim_id,reading_id,label,claimant_ids,qualifier,scope,period_start,period_end,stated_days,quote,note\n' +
      'no-such-claim,since-coup,since the coup,,,,2021-02-01,,,A fixture sentence.,\n';
    expect(messagesWith({ readings })).toEqual([
      'data/readings.csv, row 2, column "claim_id": found "no-such-claim"; expected an id from data/claims.csv',
    ]);
  });
});

describe('invisible and non-characters: one rule by Unicode category', () => {
  const withNote = (text: string) => good('claims.csv').replace(',A note.', `,${text}`);
  // Each code point, and the name the message gives it; the note on claims row 3 carries it.
  const rejected: [number, string][] = [
    [0x00ad, 'SOFT HYPHEN'],
    [0x034f, 'COMBINING GRAPHEME JOINER'],
    [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
    [0x2062, 'INVISIBLE TIMES'],
    [0x206a, 'INHIBIT SYMMETRIC SWAPPING'],
    [0x3164, 'HANGUL FILLER'],
    [0x115f, 'HANGUL CHOSEONG FILLER'],
    [0x1160, 'HANGUL JUNGSEONG FILLER'],
    [0xffa0, 'HALFWIDTH HANGUL FILLER'],
    [0xfff9, 'INTERLINEAR ANNOTATION ANCHOR'],
    [0xe0000, 'an unassigned code point'],
    [0xe0001, 'a TAG character (invisible)'],
    [0xe0041, 'a TAG character (invisible)'],
    [0xe007f, 'a TAG character (invisible)'],
    [0xfdd0, 'a noncharacter'],
    [0xfdef, 'a noncharacter'],
    [0xfffe, 'a noncharacter'],
    [0xffff, 'a noncharacter'],
    [0x1fffe, 'a noncharacter'],
    [0x10ffff, 'a noncharacter'],
    [0xe000, 'a private-use character (no agreed meaning)'],
    [0x0378, 'an unassigned code point'],
  ];
  for (const [codePoint, name] of rejected) {
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    it(`rejects U+${hex} ${name}`, () => {
      const messages = messagesWith({ claims: withNote(`A${String.fromCodePoint(codePoint)}note.`) });
      expect(messages).toEqual([
        `data/claims.csv, row 3, column "notes": found "A\\u{${codePoint.toString(16).toUpperCase()}}note."; expected text without invisible, direction or control characters, but it has U+${hex} ${name} at character 2; delete it (most editors do not show it)`,
      ]);
    });
  }

  it('rejects a required cell made only of a Hangul filler, and one made only of spaces', () => {
    const quote = '"A fixture sentence with “typographic quotes”, a comma and around 3,000."';
    const filler = messagesWith({ claims: good('claims.csv').replace(quote, '\u3164') });
    expect(filler).toHaveLength(1);
    expect(filler[0]).toContain('U+3164 HANGUL FILLER');
    const spaces = messagesWith({ claims: good('claims.csv').replace(quote, '\u00a0 \u3000') });
    expect(spaces).toEqual([
      'data/claims.csv, row 2, column "quote": found "\u00a0 \u3000"; expected the verbatim quote from the article; it must not be empty',
    ]);
  });

  it('accepts Burmese text, with ZWNJ/ZWJ between Myanmar letters, and ordinary typography', () => {
    for (const text of [
      'တပ်မတော် ၁၂၃ စစ်သား',
      'မြန်\u200cမာ and မြန်\u200dမာ',
      '“curly” ‘quotes’ – en dash — em dash … ellipsis',
      'a no-break space: 15\u00a0000 and a narrow one: p.\u202f3',
    ]) {
      expect(messagesWith({ claims: withNote(`"${text}"`) }), text).toEqual([]);
    }
  });

  it('still rejects a joiner outside Myanmar text', () => {
    expect(messagesWith({ claims: withNote('a\u200db') })[0]).toContain('U+200D ZERO WIDTH JOINER at character 2');
  });
});

describe('broken CSV: messages say what broke', () => {
  it('names the column where a quotation mark opens and never closes, instead of a cell count', () => {
    // Row 3's quote cell opens with " and the file ends without the closing one.
    const claims = good('claims.csv').replace(
      ',A fixture sentence about around 15000.,',
      ',"A fixture sentence about around 15000.,',
    );
    const messages = messagesWith({ claims });
    expect(messages).toEqual([
      'data/claims.csv, row 3, column "quote": expected a quotation mark opened in column "quote" to be closed at the end of the cell, but it is not, so the cells after it ran together. Add the closing " (a quotation mark inside a quoted cell is written twice: ""). Until then the rows after it, and the checks that need every id in this file (the records the site needs, references to it from other files), are skipped',
    ]);
  });

  it('names the column when the file ends inside the quotes', () => {
    const claims = good('claims.csv').replace(',Hundreds of fixture soldiers.,', ',"Hundreds of fixture soldiers.,');
    expect(messagesWith({ claims })[0]).toMatch(
      /^data\/claims\.csv, row 4, column "quote": expected a quotation mark opened/,
    );
  });

  it('calls an empty row in the middle of a file an empty line', () => {
    const lines = good('claims.csv').split('\n');
    lines.splice(2, 0, '');
    expect(messagesWith({ claims: lines.join('\n') })).toEqual([
      'data/claims.csv, row 3: expected a row of 19 cells, found an empty line; delete the line',
    ]);
  });

  it('ignores empty lines at the end of a file, as text editors leave them', () => {
    expect(messagesWith({ claims: `${good('claims.csv')}\n\n\r\n`, events: `${good('events.csv')}\n` })).toEqual([]);
  });
});
