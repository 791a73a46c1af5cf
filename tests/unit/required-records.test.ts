/**
 * The ids the site names in its own text and charts (src/lib/required-records.ts): each must exist
 * in data/, a missing one is a data error naming the file, the id, who needs it and what to do, and
 * no page names a record by a literal id outside the registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, formatDefect, loadDataset, validateDatasetTexts } from '../../src/lib/dataset.ts';
import { REQUIRED_RECORDS } from '../../src/lib/required-records.ts';
import { DATA_FILES, type DataFileKey } from '../../src/lib/schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dataText = (key: DataFileKey) => readFileSync(join(ROOT, 'data', DATA_FILES[key].file), 'utf8');
const realTexts = () =>
  Object.fromEntries((Object.keys(DATA_FILES) as DataFileKey[]).map((key) => [key, dataText(key)])) as Record<
    DataFileKey,
    string
  >;

function messagesFor(texts: Record<DataFileKey, string>): string[] {
  try {
    validateDatasetTexts(texts, { required: REQUIRED_RECORDS });
  } catch (error) {
    if (error instanceof DataValidationError) return error.defects.map(formatDefect);
    throw error;
  }
  return [];
}

describe('the records the site names by id', () => {
  it('all exist in data/', () => {
    expect(() => loadDataset(join(ROOT, 'data'), { required: REQUIRED_RECORDS })).not.toThrow();
  });

  it('a renamed headline claim is one data error: file, id, the page that needs it, and what to do', () => {
    const texts = realTexts();
    texts.claims = texts.claims.replace('\nnug-cdm-15000-2023-08,', '\nnug-cdm-15000-2023-08-renamed,');
    expect(messagesFor(texts)).toEqual([
      'data/claims.csv, column "id": expected a row with id "nug-cdm-15000-2023-08", which the headline figures of the explainer (src/pages/index.astro) needs. Restore the row (ids are never renamed), or, if the page should cite another record, change the id in src/lib/required-records.ts',
    ]);
  });

  it('a missing arithmetic-check claim names the chart, and a missing event names events.csv', () => {
    const texts = realTexts();
    texts.claims = texts.claims.replace('\nnug-contacted-33-per-day-2021-09,', '\nnug-contacted-33-a-day-2021-09,');
    texts.events = texts.events.replace('\noperation-1027-2023-10-27,', '\noperation-1027,');
    const messages = messagesFor(texts).sort();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(
      /^data\/claims\.csv, column "id": expected a row with id "nug-contacted-33-per-day-2021-09", which the arithmetic checks .* the chart "arithmetic-checks"/,
    );
    expect(messages[1]).toMatch(/^data\/events\.csv, column "id": expected a row with id "operation-1027-2023-10-27"/);
  });

  it('a claims.csv with only its header is one data error, not a crash later in the build', () => {
    const texts = realTexts();
    texts.claims = `${texts.claims.split('\n')[0]}\n`;
    // One root defect: listing every required id the empty file lacks would bury it.
    expect(messagesFor(texts)).toEqual([
      'data/claims.csv, row 2: expected at least one claim below the header: the site is built from the claims',
    ]);
  });

  it.each(Object.keys(DATA_FILES) as DataFileKey[])(
    'an unclosed quote early in %s is one defect: the required records and references it hides are not reported too',
    (key) => {
      const texts = realTexts();
      const lines = texts[key].split('\n');
      // The second cell of row 3 opens a quote that never closes: every row after it runs together.
      lines[2] = (lines[2] as string).replace(',', ',"');
      texts[key] = lines.join('\n');
      const messages = messagesFor(texts);
      expect(messages, messages.join('\n')).toHaveLength(1);
      expect(messages[0]).toMatch(
        new RegExp(
          `^data/${DATA_FILES[key].file}, row 3, column .*: expected a quotation mark opened .*, are skipped$`,
        ),
      );
    },
  );

  it('a claim needed by two parts of the site is one defect naming both', () => {
    const texts = realTexts();
    texts.claims = texts.claims.replace('\nnug-defected-3000-2021-09,', '\nnug-defected-3000-2021-09-x,');
    expect(messagesFor(texts)).toEqual([
      'data/claims.csv, column "id": expected a row with id "nug-defected-3000-2021-09", which the headline figures of the explainer (src/pages/index.astro), and the arithmetic checks (src/lib/checks.ts): the chart "arithmetic-checks" and the section "Do the 2021 numbers add up?" need. Restore the row (ids are never renamed), or, if the page should cite another record, change the id in src/lib/required-records.ts',
    ]);
  });

  // Charts are left out: they look events up optionally (the cumulative chart draws an event's
  // marker only when the event exists), so a missing event there drops a marker, not the build.
  it('no page names a required claim or event by a literal id: pages read the registry', () => {
    const ids = REQUIRED_RECORDS.map((record) => record.id);
    const sourceFiles = ['src/pages', 'src/components', 'src/site']
      .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((file) => /\.(ts|astro)$/.test(file));
    const literal = sourceFiles.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return ids.filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`)).map((id) => `${file}: ${id}`);
    });
    expect(literal).toEqual([]);
  });
});
