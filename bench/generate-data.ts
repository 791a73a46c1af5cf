/**
 * A deterministic generator of valid synthetic datasets, for measuring the site at scale:
 *
 *   node bench/generate-data.ts --scale 100 --seed 1 --out /tmp/defections-x100
 *   DATA_DIR=/tmp/defections-x100 npm run build
 *
 * It never writes into data/: it reads the curated data as its template and writes the scaled copy
 * into the folder given (created if missing, its data files overwritten). xN holds the curated rows
 * unchanged (the ids the pages and checks name, src/lib/required-records.ts, must exist) plus N-1
 * copies of every claim, source, event, reading and relation with new ids, so every column,
 * qualifier, action, personnel, scope, reading and relation of the real data occurs at every size.
 * Each copy moves its dates by 0-2 whole years (a whole year keeps every day count and every
 * month-only date valid; the coup date stays, since "since the coup" means it), so events spread
 * over 2021-2025, and attributes its claims to the curated claimant or one of its synthetic clones
 * (78 claimants at x100; the single "unattributed" claimant is never cloned). x100 is 2,900
 * claims, 500 sources and 901 events. The choices come from a seeded generator: the same scale and
 * seed give byte-identical files. A copy keeps each claim's quote and `vague_words` together, so a
 * vague claim's words still stand in its quote (src/lib/vague-words.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { csvFormatRows, csvParseRows } from 'd3-dsv';

const PROJECT_ROOT = resolve(import.meta.dirname, '..');
const TEMPLATE_DIR = join(PROJECT_ROOT, 'data');
const FILES = ['claims', 'claimants', 'sources', 'events', 'readings', 'relations'] as const;
type FileKey = (typeof FILES)[number];
type Table = { header: string[]; rows: string[][] };

/** The coup: the start of every "since the coup" period, which a copy keeps. */
const COUP = '2021-02-01';
/** The newest year a copy may reach, so that no date is in the future of a build. */
const LAST_YEAR = 2025;
/** Synthetic claimants per copy of the data: 72 over 99 copies gives about 80 claimants at x100. */
const CLAIMANTS_PER_COPY = 72 / 99;

/** mulberry32: small, fast and the same on every platform, which is all a benchmark needs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readTable(dir: string, key: FileKey): Table {
  const [header = [], ...rows] = csvParseRows(readFileSync(join(dir, `${key}.csv`), 'utf8').replace(/^\uFEFF/, ''));
  return { header, rows: rows.filter((row) => row.some((cell) => cell !== '')) };
}

/** The validator's limit on a claimant's short name (src/lib/schema.ts): it is drawn on charts. */
const SHORT_NAME_MAX = 20;

/**
 * A clone's short name: the template's, numbered, dropping whole words from the end until it fits
 * ("Police CDM Channel" 11 is "Police CDM 11", never "Police CDM Channe 11"); a first word too long
 * on its own gives way to the initials of every word.
 */
export function numberedShortName(short: string, n: number): string {
  const suffix = ` ${n}`;
  const words = short.split(/\s+/).filter(Boolean);
  for (let kept = words.length; kept > 0; kept--) {
    const name = `${words.slice(0, kept).join(' ')}${suffix}`;
    if (name.length <= SHORT_NAME_MAX) return name;
  }
  const initials = `${words.map((word) => word[0]?.toUpperCase()).join('')}${suffix}`;
  if (initials.length > SHORT_NAME_MAX)
    throw new Error(`No short name under ${SHORT_NAME_MAX} characters for ${short}`);
  return initials;
}

/**
 * Free text moved by whole years, as the dates beside it are: "Dec 2021 to Dec 2023" becomes "Dec
 * 2023 to Dec 2025" in a copy moved by 2. Years before the coup ("the 2020 election") and the coup's
 * own year where the text names the coup ("the February 2021 coup") stay, as shiftYears keeps the
 * coup date.
 */
export function shiftYearsInText(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(/\b(20\d\d)\b/g, (year, _digits, offset: number) => {
    if (Number(year) < Number(COUP.slice(0, 4))) return year;
    const before = text.slice(Math.max(0, offset - 12), offset);
    const after = text.slice(offset + year.length, offset + year.length + 6);
    const namesTheCoup = /Feb(ruary|\.)? $/.test(before) || /^ coup/.test(after);
    return namesTheCoup && year === COUP.slice(0, 4) ? year : String(Number(year) + years);
  });
}

/** A YYYY, YYYY-MM or YYYY-MM-DD date moved by whole years; empty cells and the coup stay. */
export function shiftYears(date: string, years: number): string {
  if (date === '' || date === COUP || years === 0) return date;
  const match = /^(\d{4})(.*)$/.exec(date);
  if (!match) return date;
  const moved = `${Number(match[1]) + years}${match[2]}`;
  // 29 February exists only in leap years; the day before keeps the date valid.
  return /-02-29$/.test(moved) && (Number(match[1]) + years) % 4 !== 0 ? moved.replace(/29$/, '28') : moved;
}

const newestYear = (table: Table, columns: string[]) =>
  Math.max(
    ...table.rows.flatMap((row) =>
      columns.map((column) => Number(row[table.header.indexOf(column)]?.slice(0, 4)) || 0),
    ),
  );

export interface GeneratedData {
  /** The CSV text of each file, as written. */
  texts: Record<FileKey, string>;
  counts: Record<FileKey, number>;
}

export function generateData(scale: number, seed: number, templateDir = TEMPLATE_DIR): GeneratedData {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number from 1, not ${scale}`);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const t = Object.fromEntries(FILES.map((key) => [key, readTable(templateDir, key)])) as Record<FileKey, Table>;
  const col = (key: FileKey, name: string) => {
    const index = t[key].header.indexOf(name);
    if (index < 0) throw new Error(`${key}.csv has no column ${name}`);
    return index;
  };
  const out = Object.fromEntries(FILES.map((key) => [key, t[key].rows.map((row) => [...row])])) as Record<
    FileKey,
    string[][]
  >;

  // Claimants: each curated one (but the single "unattributed") gets the same number of numbered
  // clones, short names fitting short_name's 20 characters whole words at a time. Clone j moves its claims by j mod 3 years, and a copy that moves its dates by y years picks, for each
  // claimant, a clone of that shift. So one claimant's running totals never interleave two copies
  // moved by different years: a total of 2023 followed by a copy's total of 2021 moved to 2024 would
  // be a fall no real series has, and a generator of valid data should not invent it.
  const kind = col('claimants', 'kind');
  const cloneable = t.claimants.rows.filter((row) => row[kind] !== 'unattributed');
  const perClaimant =
    scale === 1
      ? 0
      : Math.max(Math.min(2, scale - 1), Math.round(((scale - 1) * CLAIMANTS_PER_COPY) / cloneable.length));
  // The curated claimants speak only in the curated rows; copies speak through clones.
  const clonesOf = new Map<string, string[][]>(t.claimants.rows.map((row) => [row[0] as string, [[], [], []]]));
  let n = 0;
  for (let j = 1; j <= perClaimant; j++) {
    for (const template of cloneable) {
      n += 1;
      const row = [...template];
      const suffix = ` ${n}`;
      row[0] = `${template[0]}-s${n}`;
      row[col('claimants', 'name')] = `${template[col('claimants', 'name')]} (synthetic${suffix})`;
      row[col('claimants', 'short_name')] = numberedShortName(template[col('claimants', 'short_name')] as string, n);
      out.claimants.push(row);
      clonesOf.get(template[0] as string)?.[j % 3]?.push(row[0] as string);
    }
  }

  const datedColumns: Partial<Record<FileKey, string[]>> = {
    claims: ['claimed_on', 'period_start', 'period_end'],
    sources: ['published'],
    events: ['date'],
    readings: ['period_start', 'period_end'],
  };
  const newest = Math.max(
    ...(Object.entries(datedColumns) as [FileKey, string[]][]).map(([key, columns]) => newestYear(t[key], columns)),
  );
  const maxShift = Math.max(0, Math.min(2, LAST_YEAR - newest));
  // The free text that carries dates: a reading's label ("Dec 2021 to Dec 2023"), notes, quotes and
  // event descriptions move with the dates, so no page shows a 2025 claim about 2021 to 2023.
  const textColumns: Partial<Record<FileKey, string[]>> = {
    claims: ['quote', 'notes'],
    sources: ['headline'],
    events: ['title', 'description'],
    readings: ['label', 'quote', 'note'],
    relations: ['note'],
  };
  const shiftRow = (key: FileKey, row: string[], years: number) => {
    for (const name of datedColumns[key] ?? []) row[col(key, name)] = shiftYears(row[col(key, name)] as string, years);
    for (const name of textColumns[key] ?? [])
      row[col(key, name)] = shiftYearsInText(row[col(key, name)] as string, years);
  };

  for (let copy = 1; copy < scale; copy++) {
    const id = (value: string) => (value === '' ? '' : `${value}-s${copy}`);
    // Only the shifts that have clones: at x10 (two clones each) that is 1 and 2 years.
    const shifts = [0, 1, 2].filter(
      (shift) => shift <= maxShift && (shift === 0 ? perClaimant >= 3 : perClaimant >= shift),
    );
    const years = pick(shifts);
    // One claimant per curated claimant for the whole copy, so a copy's joint claims stay joint.
    const claimantFor = new Map(
      [...clonesOf].map(([original, byShift]) => {
        const clones = byShift[years] ?? [];
        // The unattributed claimant has no clones: it stays itself.
        return [original, clones.length > 0 ? pick(clones) : original];
      }),
    );

    // Every reference to a claimant (a claim's co-claimants, a reading's claimants) names the copy's.
    const remapClaimants = (ids: string) =>
      ids
        .split(/\s+/)
        .filter(Boolean)
        .map((other) => claimantFor.get(other) ?? other)
        .join(' ');

    for (const template of t.sources.rows) {
      const row = [...template];
      row[0] = id(row[0] as string);
      // A distinct address per synthetic source: the query string names the copy.
      const url = col('sources', 'url');
      row[url] = `${row[url]}${(row[url] as string).includes('?') ? '&' : '?'}synthetic=${copy}`;
      shiftRow('sources', row, years);
      out.sources.push(row);
    }
    for (const template of t.claims.rows) {
      const row = [...template];
      row[0] = id(row[0] as string);
      row[col('claims', 'source_id')] = id(row[col('claims', 'source_id')] as string);
      const claimant = col('claims', 'claimant_id');
      row[claimant] = claimantFor.get(row[claimant] as string) ?? (row[claimant] as string);
      const co = col('claims', 'co_claimant_ids');
      row[co] = remapClaimants(row[co] as string);
      // A copy keeps every qualifier its quote states: a running total "over 20,000" stays open-ended
      // (no rate follows it: src/lib/eligibility.ts, sameMeasure).
      shiftRow('claims', row, years);
      out.claims.push(row);
    }
    for (const template of t.events.rows) {
      // One coup: a copy does not stage another.
      if (template[col('events', 'date')] === COUP) continue;
      const row = [...template];
      row[0] = id(row[0] as string);
      row[col('events', 'source_id')] = id(row[col('events', 'source_id')] as string);
      shiftRow('events', row, years);
      out.events.push(row);
    }
    for (const template of t.readings.rows) {
      const row = [...template];
      row[col('readings', 'claim_id')] = id(row[col('readings', 'claim_id')] as string);
      const claimants = col('readings', 'claimant_ids');
      row[claimants] = remapClaimants(row[claimants] as string);
      shiftRow('readings', row, years);
      out.readings.push(row);
    }
    for (const template of t.relations.rows) {
      const row = [...template];
      row[col('relations', 'from')] = id(row[col('relations', 'from')] as string);
      row[col('relations', 'to')] = id(row[col('relations', 'to')] as string);
      shiftRow('relations', row, years);
      out.relations.push(row);
    }
  }

  const texts = Object.fromEntries(
    FILES.map((key) => [key, `${csvFormatRows([t[key].header, ...out[key]])}\n`]),
  ) as Record<FileKey, string>;
  const counts = Object.fromEntries(FILES.map((key) => [key, out[key].length])) as Record<FileKey, number>;
  return { texts, counts };
}

/** Writes a generated dataset, with the curated data's README (the dictionary and changelog the build reads). */
export function writeData(outDir: string, data: GeneratedData, templateDir = TEMPLATE_DIR): void {
  // Synthetic data never lands in the project: not over the curated data/, not anywhere the build or git reads.
  const target = resolve(outDir);
  for (const guarded of [resolve(templateDir), PROJECT_ROOT])
    if (target === guarded || target.startsWith(`${guarded}${sep}`))
      throw new Error(
        `refusing to write synthetic data into ${outDir}: it is inside ${guarded}; choose a folder outside the project`,
      );
  mkdirSync(outDir, { recursive: true });
  for (const key of FILES) writeFileSync(join(outDir, `${key}.csv`), data.texts[key]);
  copyFileSync(join(templateDir, 'README.md'), join(outDir, 'README.md'));
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (!values.out) {
    console.error('Usage: node bench/generate-data.ts --scale <1|10|100|...> [--seed <n>] --out <folder>');
    process.exit(2);
  }
  if (!/^\d+$/.test(values.seed)) {
    console.error(`--seed must be a whole number, not "${values.seed}"`);
    process.exit(2);
  }
  const data = generateData(Number(values.scale), Number(values.seed));
  writeData(values.out, data);
  console.log(`x${values.scale} (seed ${values.seed}) in ${values.out}: ${JSON.stringify(data.counts)}`);
}
