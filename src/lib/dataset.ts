/**
 * Reads and validates the CSV files of data/ as one dataset.
 *
 * Every row of every file is checked and every defect is collected before anything fails, so that
 * one build names all that needs fixing. Each defect names the file, the row as a spreadsheet
 * numbers it (the header is row 1), the column, the value found and what was expected.
 *
 * Accepted on purpose: a UTF-8 byte-order mark and CRLF line endings, which spreadsheet programs
 * write on export; both are stripped before parsing and change nothing else.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import {
  decodeUtf8,
  findForbiddenCharacter,
  quoteForMessage,
  spellOutInvisible,
  withoutInvisible,
} from './csv-text.ts';
import { checkDates, todayUtc } from './date-checks.ts';
import { canPrecedeOrEqual } from './dates.ts';
import { checkVagueWords } from './vague-words.ts';
import { DATA_FILES, MAX_LENGTHS, NUMBER_CEILINGS, characterCount, columnsOf, type DataFileKey } from './schema.ts';
import type { RequiredRecord } from './required-records.ts';
import type { Claim, Claimant, Reading, Relation, Source, TimelineEvent } from './types.ts';

export interface Dataset {
  claims: Claim[];
  claimants: Claimant[];
  sources: Source[];
  events: TimelineEvent[];
  /** Second readings of claims whose article allows two (data/readings.csv); most claims have none. */
  readings: Reading[];
  /** How claims stand to each other, as their notes say (data/relations.csv); may be empty. */
  relations: Relation[];
}

export interface DataDefect {
  file: string;
  /** 1-based, as a spreadsheet shows it: the header is row 1, the first record row 2. Null for the whole file. */
  row: number | null;
  column: string | null;
  value: string | null;
  /** How `value` is shown: a JSON-quoted cell (the default), or a whole row written as CSV. */
  valueIs?: 'cell' | 'csv-row';
  expected: string;
}

/**
 * A long value is quoted by its start and end, so one huge cell does not flood the log. A whole row
 * is allowed more, because the reader must see which cell split or merged.
 */
function shorten(value: string, limit = 120): string {
  const characters = [...value];
  if (characters.length <= limit) return value;
  const head = Math.round(limit / 2);
  return `${characters.slice(0, head).join('')}…${characters.slice(-Math.round(limit / 6)).join('')}`;
}

export function formatDefect(defect: DataDefect): string {
  const where = [
    defect.file,
    defect.row === null ? null : `row ${defect.row}`,
    defect.column && `column "${defect.column}"`,
  ]
    .filter(Boolean)
    .join(', ');
  const found =
    defect.value === null
      ? ''
      : defect.valueIs === 'csv-row'
        ? `found the row ${spellOutInvisible(shorten(defect.value, 2000))}; `
        : `found ${quoteForMessage(shorten(defect.value))}; `;
  return spellOutInvisible(`${where}: ${found}expected ${defect.expected}`);
}

export class DataValidationError extends Error {
  readonly defects: DataDefect[];
  constructor(defects: DataDefect[], folder = 'data/') {
    const noun = defects.length === 1 ? 'defect' : 'defects';
    super(
      `The data in ${folder} has ${defects.length} ${noun}; nothing was built.\n` +
        defects.map((defect) => `  - ${formatDefect(defect)}`).join('\n'),
    );
    this.name = 'DataValidationError';
    this.defects = defects;
  }
}

/** Removes what spreadsheets add on export (a byte-order mark, CRLF), so the rest parses as written. */
export function normaliseCsvText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses CSV text into records keyed by the header, all cells as strings, for the Astro file loader. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = csvParseRows(normaliseCsvText(text));
  // As parseDataFile: empty lines at the end of a file are not rows.
  while (rows.length > 0 && rows.at(-1)!.join('') === '') rows.pop();
  return rows.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ''])));
}

/**
 * Where a quoted cell opens and is not closed at the end of its cell, as the record (0 = header)
 * and cell index, or null. d3-dsv reads such a cell to the next quotation mark, across line breaks,
 * or to the end of the file, so the row would only be reported as having too few or too many cells;
 * this says which quotation mark to close. Signs: the file ends inside the quotes, or the mark that
 * closes them is not followed by a comma or a line end. (A closed quoted cell holding a line break
 * is reported by csv-text.ts as a LINE FEED in that cell.)
 */
export function findUnclosedQuote(text: string): { record: number; cell: number } | null {
  let record = 0;
  let cell = 0;
  let index = 0;
  while (index < text.length) {
    if (text[index] === '"') {
      const opened = { record, cell };
      index += 1;
      for (;;) {
        if (index >= text.length) return opened;
        if (text[index] === '"' && text[index + 1] === '"') index += 2;
        else if (text[index] === '"') break;
        else index += 1;
      }
      index += 1;
      if (index < text.length && text[index] !== ',' && text[index] !== '\n') return opened;
    }
    // Unquoted: read to the next separator or line end.
    while (index < text.length && text[index] !== ',' && text[index] !== '\n') index += 1;
    if (text[index] === ',') cell += 1;
    else if (text[index] === '\n') {
      record += 1;
      cell = 0;
    }
    index += 1;
  }
  return null;
}

interface ParsedFile<T> {
  rows: { row: number; value: T }[];
  /**
   * Every id the file gives, including those of rows that failed their schema: a row with a bad url
   * still defines its id, so other files' references to it are not reported as follow-on defects.
   */
  ids: Set<string>;
  /** False when the header itself was unusable, so nothing can be said about the file's ids. */
  readable: boolean;
  /**
   * False when an unclosed quote ran the rows after it together: the ids below it are unknown, so
   * the checks that need every id of this file (required records, references into it) are skipped.
   */
  complete: boolean;
  /** How many records stand below the header, valid or not. */
  records: number;
  defects: DataDefect[];
}

/** Parses and validates one file's text against its schema: every row, every column. */
export function parseDataFile<K extends DataFileKey>(key: K, text: string, fileLabel = `data/${DATA_FILES[key].file}`) {
  type Row = ReturnType<(typeof DATA_FILES)[K]['schema']['parse']>;
  const result: ParsedFile<Row> = {
    rows: [],
    ids: new Set(),
    readable: false,
    complete: true,
    records: 0,
    defects: [],
  };
  const expectedColumns = columnsOf(key);
  const normalised = normaliseCsvText(text);
  const [header, ...records] = csvParseRows(normalised);
  // Empty lines at the end of a file are what text editors leave there: they are not rows.
  while (records.length > 0 && records.at(-1)!.length === 1 && records.at(-1)![0] === '') records.pop();
  if (!header || header.every((cell) => cell === '')) {
    result.defects.push({
      file: fileLabel,
      row: 1,
      column: null,
      value: null,
      expected: `a header row: ${expectedColumns.join(',')}`,
    });
    return result;
  }
  for (const column of expectedColumns.filter((name) => !header.includes(name))) {
    result.defects.push({
      file: fileLabel,
      row: 1,
      column,
      value: null,
      expected: `a column named "${column}" in the header`,
    });
  }
  header.forEach((column, index) => {
    if (!expectedColumns.includes(column)) {
      result.defects.push({
        file: fileLabel,
        row: 1,
        column: column || `(column ${index + 1})`,
        value: column,
        expected: `only the columns ${expectedColumns.join(', ')}`,
      });
    } else if (header.indexOf(column) !== index) {
      result.defects.push({ file: fileLabel, row: 1, column, value: column, expected: 'each column named once' });
    }
  });
  if (result.defects.length > 0) return result;
  result.readable = true;
  result.records = records.length;

  const schema = DATA_FILES[key].schema;
  const unclosed = findUnclosedQuote(normalised);
  result.complete = unclosed === null;
  records.forEach((cells, index) => {
    const row = index + 2;
    // After an unclosed quote the rows run together: the quote is the one defect to report.
    if (unclosed && unclosed.record < index + 1) return;
    if (unclosed && unclosed.record === index + 1) {
      result.defects.push({
        file: fileLabel,
        row,
        column: header[unclosed.cell] ?? `(column ${unclosed.cell + 1})`,
        value: null,
        expected:
          `a quotation mark opened in column "${header[unclosed.cell] ?? unclosed.cell + 1}" to be closed at the end of the cell, ` +
          'but it is not, so the cells after it ran together. Add the closing " ' +
          '(a quotation mark inside a quoted cell is written twice: ""). Until then the rows after it, and the checks ' +
          'that need every id in this file (the records the site needs, references to it from other files), are skipped',
      });
      return;
    }
    if (cells.length === 1 && cells[0] === '' && header.length > 1) {
      result.defects.push({
        file: fileLabel,
        row,
        column: null,
        value: null,
        expected: `a row of ${header.length} cells, found an empty line; delete the line`,
      });
      return;
    }
    // The id is the first column: even a row with a cell too many or too few still names it, so the
    // rows that cite it are not reported as well.
    const id = cells[header.indexOf('id')];
    if (id) result.ids.add(withoutInvisible(id));
    if (cells.length !== header.length) {
      result.defects.push({
        file: fileLabel,
        row,
        column: null,
        // Written back as CSV, so a cell holding a comma shows as one quoted cell, as in the file.
        value: csvFormatRows([cells]),
        valueIs: 'csv-row',
        expected: `${header.length} cells (one per column), found ${cells.length}`,
      });
      return;
    }
    const record = Object.fromEntries(header.map((column, cellIndex) => [column, cells[cellIndex]]));
    // Two rules for every column: a maximum length (schema.ts) and no invisible, direction or control
    // characters (csv-text.ts).
    // A cell that breaks it is reported for that alone, not again for whatever its schema says.
    const dirty = new Set<string>();
    for (const column of header) {
      const cell = record[column] as string;
      const limit = MAX_LENGTHS[DATA_FILES[key].file]?.[column];
      const length = characterCount(cell);
      if (limit && length > limit.max) {
        dirty.add(column);
        result.defects.push({
          file: fileLabel,
          row,
          column,
          value: cell,
          expected: `at most ${limit.max.toLocaleString('en')} characters (${limit.why}), not ${length.toLocaleString('en')}`,
        });
        continue;
      }
      if (startsLikeFormula(cell)) {
        dirty.add(column);
        result.defects.push({
          file: fileLabel,
          row,
          column,
          value: cell,
          expected: `text that does not start with ${quoteForMessage(cell.trimStart()[0] ?? cell[0]!)}: a spreadsheet opening the download would run it as a formula; start with a word, or put the sign later`,
        });
        continue;
      }
      const found = findForbiddenCharacter(cell);
      if (found === null) continue;
      dirty.add(column);
      result.defects.push({
        file: fileLabel,
        row,
        column,
        value: cell,
        expected: `text without invisible, direction or control characters, but it has ${found}; delete it (most editors do not show it)`,
      });
    }
    const parsed = schema.safeParse(record);
    if (parsed.success && dirty.size === 0) {
      result.rows.push({ row, value: parsed.data as Row });
      return;
    }
    for (const issue of parsed.error?.issues ?? []) {
      const column = String(issue.path[0] ?? '');
      if (dirty.has(column)) continue;
      result.defects.push({ file: fileLabel, row, column, value: record[column] ?? null, expected: issue.message });
    }
  });
  return result;
}

function checkUniqueIds(file: string, rows: { row: number; value: { id: string } }[], defects: DataDefect[]) {
  const firstRow = new Map<string, number>();
  for (const { row, value } of rows) {
    const earlier = firstRow.get(value.id);
    if (earlier === undefined) firstRow.set(value.id, row);
    else
      defects.push({
        file,
        row,
        column: 'id',
        value: value.id,
        expected: `an id not used before (row ${earlier} has it)`,
      });
  }
}

function checkReference(
  file: string,
  row: number,
  column: string,
  value: string,
  known: Set<string>,
  target: string,
  defects: DataDefect[],
) {
  if (!known.has(value)) {
    const choices = known.size === 0 ? 'it has no rows' : [...known].sort().join(', ');
    defects.push({ file, row, column, value, expected: `an id from data/${target} (${choices})` });
  }
}

/** Co-claimants must be known claimants, each named once, and not the claimant itself. */
function checkCoClaimants(
  file: string,
  row: number,
  claim: { claimant_id: string; co_claimant_ids: string[] },
  known: Set<string>,
  defects: DataDefect[],
) {
  const column = 'co_claimant_ids';
  const value = claim.co_claimant_ids.join(' ');
  for (const id of claim.co_claimant_ids) checkReference(file, row, column, id, known, 'claimants.csv', defects);
  if (claim.co_claimant_ids.includes(claim.claimant_id)) {
    defects.push({ file, row, column, value, expected: `ids other than the claimant_id (${claim.claimant_id})` });
  }
  if (new Set(claim.co_claimant_ids).size !== claim.co_claimant_ids.length) {
    defects.push({ file, row, column, value, expected: 'each co-claimant named once' });
  }
}

export interface ValidationOptions {
  /** Records the site names by id (src/lib/required-records.ts); each must exist. None by default. */
  required?: readonly RequiredRecord[];
  /** Today's date (YYYY-MM-DD, UTC) for the checks against the future; the build's clock by default. */
  today?: string;
  /**
   * Every file must exist, the optional ones too (may be header-only): true for a folder the site
   * publishes, since the downloads and datapackage.json list all six files.
   */
  allFiles?: boolean;
}

/** Reports each required record that is missing from its file, with who needs it and what to do. */
function checkRequiredRecords(
  required: readonly RequiredRecord[],
  parsed: Record<DataFileKey, { ids: Set<string>; readable: boolean; complete: boolean; records: number }>,
  defects: DataDefect[],
): Set<string> {
  // One defect per missing record, naming everything that needs it. A file with no rows at all has
  // already been reported as such: listing every id it lacks would bury that one root defect. A file
  // with rows whose ids all failed is still "known": each missing id is named.
  const missing = new Map<string, { file: DataFileKey; id: string; neededBy: string[] }>();
  for (const { file, id, neededBy } of required) {
    const known = parsed[file].readable && parsed[file].complete && parsed[file].records > 0;
    if (!known || parsed[file].ids.has(id)) continue;
    const key = `${file} ${id}`;
    const entry = missing.get(key) ?? { file, id, neededBy: [] };
    entry.neededBy.push(neededBy);
    missing.set(key, entry);
  }
  for (const { file, id, neededBy } of missing.values()) {
    defects.push({
      file: `data/${DATA_FILES[file].file}`,
      row: null,
      column: 'id',
      value: null,
      expected:
        `a row with id "${id}", which ${neededBy.join(', and ')} ${neededBy.length === 1 ? 'needs' : 'need'}. ` +
        `Restore the row (ids are never renamed), or, if the page should cite another record, ` +
        `change the id in src/lib/required-records.ts`,
    });
  }
  // The claims reported missing: other files' references to them are the same root defect.
  return new Set([...missing.values()].filter(({ file }) => file === 'claims').map(({ id }) => id));
}

/** Validates the texts of all the data files together: rows, ids, references between files, date order. */
/** Files a dataset can do without: readings.csv and relations.csv. */
type OptionalFileKey = 'readings' | 'relations';
const OPTIONAL_FILES: readonly DataFileKey[] = ['readings', 'relations'];

export function validateDatasetTexts(
  texts: Record<Exclude<DataFileKey, OptionalFileKey>, string | Uint8Array | null> &
    Partial<Record<OptionalFileKey, string | Uint8Array | null>>,
  options: ValidationOptions = {},
): Dataset {
  const defects: DataDefect[] = [];
  const parse = <K extends DataFileKey>(key: K) => {
    // readings.csv and relations.csv are optional: without them every claim has only the reading
    // its row codes, and no relation to another.
    const content = (texts as Partial<Record<DataFileKey, string | Uint8Array | null>>)[key] ?? null;
    if (OPTIONAL_FILES.includes(key) && content === null && !options.allFiles) {
      return { rows: [], ids: new Set<string>(), readable: false, complete: true, records: 0, defects: [] };
    }
    if (content === null) {
      defects.push({
        file: `data/${DATA_FILES[key].file}`,
        row: null,
        column: null,
        value: null,
        expected: OPTIONAL_FILES.includes(key)
          ? `the file to exist, with at least its header row (${columnsOf(key).join(',')}): the downloads publish it`
          : 'the file to exist',
      });
      return { rows: [], ids: new Set<string>(), readable: false, complete: true, records: 0, defects: [] };
    }
    // Bytes are decoded strictly (a file as read from disk); a string has been decoded already.
    const decoded = typeof content === 'string' ? { ok: true as const, text: content } : decodeUtf8(content);
    if (!decoded.ok) {
      defects.push({
        file: `data/${DATA_FILES[key].file}`,
        row: null,
        column: null,
        value: null,
        expected: decoded.problem,
      });
      return { rows: [], ids: new Set<string>(), readable: false, complete: true, records: 0, defects: [] };
    }
    const parsed = parseDataFile(key, decoded.text);
    defects.push(...parsed.defects);
    return parsed;
  };
  const claims = parse('claims');
  const claimants = parse('claimants');
  const sources = parse('sources');
  const events = parse('events');
  const readings = parse('readings');
  const relations = parse('relations');

  // Every file but readings.csv must have rows: a header-only sources.csv would otherwise pass here
  // and fail late, in a page, with a stack trace instead of a file and row.
  const needed = {
    claims: 'claim below the header: the site is built from the claims',
    claimants: 'claimant below the header: every claim names its claimant there',
    sources: 'source below the header: every claim and event cites its source there',
    events: 'event below the header: the timeline is built from the events',
  } as const;
  for (const [key, parsed] of [
    ['claims', claims],
    ['claimants', claimants],
    ['sources', sources],
    ['events', events],
  ] as const) {
    if (!parsed.readable || parsed.records > 0) continue;
    defects.push({
      file: `data/${DATA_FILES[key].file}`,
      row: 2,
      column: null,
      value: null,
      expected: `at least one ${needed[key]}`,
    });
  }
  const missingClaims = checkRequiredRecords(
    options.required ?? [],
    { claims, claimants, sources, events, readings, relations },
    defects,
  );

  checkUniqueIds('data/claims.csv', claims.rows, defects);
  checkUniqueIds('data/claimants.csv', claimants.rows, defects);
  checkUniqueIds('data/sources.csv', sources.rows, defects);
  checkUniqueIds('data/events.csv', events.rows, defects);

  // Every id a file gives counts as known, even on a row with another defect: that defect is the
  // root one, and is reported once. References are checked only when the referenced file was readable.
  const claimantIds = claimants.ids;
  const sourceIds = sources.ids;
  // A readable file with no ids is known to be empty: a reference into it is reported at the row that
  // makes it, not left to fail later in a page.
  const canCheckClaimants = claimants.readable && claimants.complete;
  const canCheckSources = sources.readable && sources.complete;
  const claimsKnown = claims.readable && claims.complete;

  for (const { row, value: claim } of claims.rows) {
    const file = 'data/claims.csv';
    if (canCheckClaimants)
      checkReference(file, row, 'claimant_id', claim.claimant_id, claimantIds, 'claimants.csv', defects);
    if (canCheckClaimants) checkCoClaimants(file, row, claim, claimantIds, defects);
    if (canCheckSources) checkReference(file, row, 'source_id', claim.source_id, sourceIds, 'sources.csv', defects);
    if (claim.qualifier === 'vague' && claim.figure !== null) {
      defects.push({
        file,
        row,
        column: 'figure',
        value: String(claim.figure),
        expected: 'an empty figure, because the qualifier is vague',
      });
    }
    checkVagueWords(file, row, claim, defects);
    const percent = NUMBER_CEILINGS.percent;
    if (claim.unit === 'percent' && claim.figure !== null && claim.figure > percent.max) {
      defects.push({
        file,
        row,
        column: 'figure',
        value: String(claim.figure),
        expected: `the figure: at most ${percent.max.toLocaleString('en')} when the unit is percent (${percent.why})`,
      });
    }
    if (claim.qualifier !== 'vague' && claim.figure === null) {
      defects.push({
        file,
        row,
        column: 'figure',
        value: '',
        expected: `a whole number above 0, because the qualifier is ${claim.qualifier} (only vague claims have no figure)`,
      });
    }
    if (claim.period_start && claim.period_end && !canPrecedeOrEqual(claim.period_start, claim.period_end)) {
      defects.push({
        file,
        row,
        column: 'period_end',
        value: claim.period_end,
        expected: `a date on or after period_start (${claim.period_start})`,
      });
    }
    for (const column of ['period_start', 'period_end'] as const) {
      const date = claim[column];
      if (date && !canPrecedeOrEqual(date, claim.claimed_on)) {
        defects.push({
          file,
          row,
          column,
          value: date,
          expected: `a date on or before claimed_on (${claim.claimed_on}): a claim cannot count what had not happened yet`,
        });
      }
    }
  }
  checkDates(
    {
      claims: claims.rows as { row: number; value: Claim }[],
      sources: sources.rows as { row: number; value: Source }[],
      events: events.rows as { row: number; value: TimelineEvent }[],
      today: options.today ?? todayUtc(),
    },
    defects,
  );
  if (canCheckSources) {
    for (const { row, value: event } of events.rows) {
      checkReference('data/events.csv', row, 'source_id', event.source_id, sourceIds, 'sources.csv', defects);
    }
  }

  // Every id claims.csv gives, also on rows with another defect: that defect is the root one, and a
  // reading of such a claim is not reported again as citing an unknown claim.
  if (claimsKnown && claims.records > 0) {
    checkReadings(readings.rows, claims.ids, canCheckClaimants ? claimantIds : null, defects);
  }
  checkRelations(relations.rows, claimsKnown && claims.ids.size > 0 ? claims.ids : null, missingClaims, defects);

  if (defects.length > 0) throw new DataValidationError(defects);
  return {
    claims: claims.rows.map(({ value }) => value as Claim),
    claimants: claimants.rows.map(({ value }) => value as Claimant),
    sources: sources.rows.map(({ value }) => value as Source),
    events: events.rows.map(({ value }) => value as TimelineEvent),
    readings: readings.rows.map(({ value }) => value as Reading),
    relations: relations.rows.map(({ value }) => value as Relation),
  };
}

/**
 * Each relation joins two different known claims, and says so once: the same pair with the same
 * relation twice is a duplicate, and so is a symmetric relation written both ways round.
 */
function checkRelations(
  rows: { row: number; value: Relation }[],
  claimIds: Set<string> | null,
  reportedMissing: Set<string>,
  defects: DataDefect[],
) {
  const file = 'data/relations.csv';
  const firstRow = new Map<string, { row: number; relation: string }>();
  const containment: { row: number; relation: Relation }[] = [];
  for (const { row, value: relation } of rows) {
    for (const column of ['from', 'to'] as const) {
      if (claimIds && !claimIds.has(relation[column]) && !reportedMissing.has(relation[column])) {
        checkReference(file, row, column, relation[column], claimIds, 'claims.csv', defects);
      }
    }
    if (relation.from === relation.to) {
      defects.push({
        file,
        row,
        column: 'to',
        value: relation.to,
        expected: `an id other than the row's "from" (${relation.from}): a claim has no relation to itself`,
      });
      continue;
    }
    // One row per pair of claims, whichever way round and of whatever kind: two rows for one pair
    // either repeat each other or contradict each other ("part of" both ways).
    const pair = [relation.from, relation.to].sort().join(' ');
    const earlier = firstRow.get(pair);
    if (earlier !== undefined) {
      defects.push({
        file,
        row,
        column: 'to',
        value: relation.to,
        expected: `one relation per pair of claims (row ${earlier.row} already relates ${relation.from} and ${relation.to}: ${earlier.relation})`,
      });
      continue;
    }
    firstRow.set(pair, { row, relation: relation.relation });
    containment.push({ row, relation });
  }
  checkContainmentCycles(containment, defects);
}

/** "Part of" runs one way: A part of B part of ... part of A would make every page contradict itself. */
function checkContainmentCycles(rows: { row: number; relation: Relation }[], defects: DataDefect[]) {
  const containing = new Map<string, { to: string; row: number }[]>();
  for (const { row, relation } of rows) {
    if (!CONTAINMENT.has(relation.relation)) continue;
    containing.set(relation.from, [...(containing.get(relation.from) ?? []), { to: relation.to, row }]);
  }
  for (const { row, relation } of rows) {
    if (!CONTAINMENT.has(relation.relation)) continue;
    // Does "to" lead back to "from"?
    const seen = new Set<string>();
    const queue = [relation.to];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (id === relation.from) {
        defects.push({
          file: 'data/relations.csv',
          row,
          column: 'to',
          value: relation.to,
          expected: `no circle of "part of": ${relation.to} already leads back to ${relation.from} through other rows`,
        });
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      for (const next of containing.get(id) ?? []) queue.push(next.to);
    }
  }
}

const CONTAINMENT: ReadonlySet<string> = new Set(['part_of', 'may_be_part_of']);

/** Each reading names a known claim, once per reading id, and keeps its own period in order. */
function checkReadings(
  rows: { row: number; value: Reading }[],
  claimIds: Set<string>,
  claimantIds: Set<string> | null,
  defects: DataDefect[],
) {
  const file = 'data/readings.csv';
  const seen = new Set<string>();
  for (const { row, value: reading } of rows) {
    if (!claimIds.has(reading.claim_id)) {
      defects.push({ file, row, column: 'claim_id', value: reading.claim_id, expected: 'an id from data/claims.csv' });
    }
    // Null when claimants.csv itself is unreadable: its defects are reported there, not once per reading.
    if (claimantIds) {
      for (const id of reading.claimant_ids) {
        checkReference(file, row, 'claimant_ids', id, claimantIds, 'claimants.csv', defects);
      }
    }
    if (new Set(reading.claimant_ids).size !== reading.claimant_ids.length) {
      const value = reading.claimant_ids.join(' ');
      defects.push({ file, row, column: 'claimant_ids', value, expected: 'each claimant named once' });
    }
    const key = `${reading.claim_id} ${reading.reading_id}`;
    if (seen.has(key)) {
      defects.push({
        file,
        row,
        column: 'reading_id',
        value: reading.reading_id,
        expected: 'a reading id not used before for this claim',
      });
    }
    seen.add(key);
    if (reading.period_start && reading.period_end && !canPrecedeOrEqual(reading.period_start, reading.period_end)) {
      defects.push({
        file,
        row,
        column: 'period_end',
        value: reading.period_end,
        expected: `a date on or after period_start (${reading.period_start})`,
      });
    }
  }
}

/** A negative number and nothing else: digits, optionally grouped by thousands, optional decimals. */
const PLAIN_NEGATIVE_NUMBER = /^[-\uff0d](?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?$/u;

/**
 * Cells a spreadsheet would take for a formula when a reader opens our CSV downloads: starting with
 * =, +, @ or - (OWASP's CSV-injection list; tab and CR are already forbidden characters), or with
 * their full-width forms U+FF1D, U+FF0B, U+FF20, U+FF0D, which some spreadsheets fold to ASCII.
 * A minus is let through only when the whole cell is a plain number ("-12", "-1,500.5"): a digit
 * after the sign is not enough, as "-1+HYPERLINK(...)" is a formula too.
 */
export function startsLikeFormula(cell: string): boolean {
  // Spreadsheets skip leading spaces (a no-break space too) before reading a formula.
  const trimmed = cell.replace(/^[\s\u00a0]+|[\s\u00a0]+$/gu, '');
  if (/^[=+@\uff1d\uff0b\uff20]/u.test(trimmed)) return true;
  return /^[-\uff0d]/u.test(trimmed) && !PLAIN_NEGATIVE_NUMBER.test(trimmed);
}

function readIfExists(path: string): Uint8Array | null {
  return existsSync(path) ? readFileSync(path) : null;
}

/** Reads data/ (or another folder with the same files) and returns the validated dataset, or throws. */
export function loadDataset(dataDir: string, options: ValidationOptions = {}): Dataset {
  // A folder (or anything but a file) where a CSV belongs is named, not left to EISDIR.
  const notFiles = (Object.keys(DATA_FILES) as DataFileKey[])
    .map((key) => `data/${DATA_FILES[key].file}`)
    .filter((file) => existsSync(join(dataDir, file.slice('data/'.length))))
    .filter((file) => !statSync(join(dataDir, file.slice('data/'.length))).isFile());
  if (notFiles.length > 0) {
    throw new DataValidationError(
      notFiles.map((file) => ({ file, row: null, column: null, value: null, expected: 'a file, not a folder' })),
    );
  }
  const texts = Object.fromEntries(
    (Object.keys(DATA_FILES) as DataFileKey[]).map((key) => [key, readIfExists(join(dataDir, DATA_FILES[key].file))]),
  ) as Record<DataFileKey, Uint8Array | null>;
  try {
    return validateDatasetTexts(texts, { allFiles: true, ...options });
  } catch (error) {
    // Messages name files as data/<file>; another folder (DATA_DIR) is named as it was given.
    const folder = `${relative(process.cwd(), resolve(dataDir)) || '.'}/`;
    if (!(error instanceof DataValidationError) || folder === 'data/') throw error;
    const relabel = (file: string) => file.replace(/^data\//, folder);
    throw new DataValidationError(
      error.defects.map((defect) => ({ ...defect, file: relabel(defect.file) })),
      folder,
    );
  }
}

/**
 * A file of data/ as the site publishes it: UTF-8 without a byte-order mark, LF line endings, and
 * otherwise as written. The download and its bytes and hash in datapackage.json both come from here,
 * so a spreadsheet's BOM or CRLF never reaches readers while the descriptor says `lineTerminator "\n"`.
 */
export function publishedDataText(dataDir: string, key: DataFileKey): string {
  const decoded = decodeUtf8(readFileSync(join(dataDir, DATA_FILES[key].file)));
  // The build validated every file first; reaching this means a file changed during the build.
  if (!decoded.ok) throw new Error(`data/${DATA_FILES[key].file}: expected ${decoded.problem}`);
  return normaliseCsvText(decoded.text);
}
