/**
 * The zod schemas of the CSV files in data/ (DATA_FILES lists them): one schema per file, one field per column.
 *
 * Each schema reads a row exactly as d3-dsv gives it (every cell a string) and converts types on
 * purpose: an empty cell becomes null only where the column allows it, and numbers must be written
 * as plain digits, so "1,500" is an error rather than a silent 1. The error message of every field
 * says what was expected; dataset.ts adds the file, row, column and value. The same schemas back
 * the Astro content collections (src/content.config.ts), so the site and the tests read one definition.
 */
import { z } from 'astro/zod';
import { isPartialDate } from './dates.ts';
import {
  ACTIONS,
  CLAIMANT_KINDS,
  DATE_CERTAINTIES,
  PERSONNEL,
  QUALIFIERS,
  RELATIONS,
  SCOPES,
  UNITS,
  VERIFICATIONS,
} from './types.ts';

const PARTIAL_DATE_EXPECTED = 'a date that exists, written YYYY, YYYY-MM or YYYY-MM-DD';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WHOLE_NUMBER = /^[1-9][0-9]*$/;
/** The longest quote we accept: one sentence of evidence, not a paragraph of the article. */
export const MAX_QUOTE_LENGTH = 320;

/**
 * The longest value each text column accepts, in characters, and why. dataset.ts enforces them on
 * every row before the row schemas run (so a 5 MB cell is one clear defect, not a 5 MB page), and
 * the data package publishes them as `maxLength`. Set from the longest value in data/ on 2026-12-02
 * with room to spare: notes 747 → 1,500; descriptions 270 → 600; names and places 61 → 120.
 * Columns with a closed list, a date or a number are bounded by their own rule and are not listed.
 */
export const MAX_LENGTHS: Record<string, Record<string, { max: number; why: string }>> = {
  'claims.csv': {
    id: { max: 80, why: 'it is part of page addresses' },
    source_id: { max: 80, why: 'an id' },
    claimant_id: { max: 80, why: 'an id' },
    co_claimant_ids: { max: 400, why: 'a few ids' },
    vague_words: { max: 40, why: 'a few words from the quote, shown in place of a number' },
    place: { max: 120, why: 'a place name' },
    quote: { max: MAX_QUOTE_LENGTH, why: 'one sentence of evidence, not a paragraph of the article' },
    notes: { max: 1500, why: 'a note, shown in full on the explainer' },
  },
  'claimants.csv': {
    id: { max: 80, why: 'it is part of page addresses' },
    name: { max: 120, why: 'a name' },
    short_name: { max: 20, why: 'it is drawn on charts' },
    description: { max: 600, why: 'a short description' },
    interest: { max: 600, why: 'a short description' },
  },
  'sources.csv': {
    id: { max: 80, why: 'an id' },
    outlet: { max: 120, why: 'a name' },
    headline: { max: 300, why: 'a headline' },
    url: { max: 500, why: 'an address' },
    republished_by: { max: 120, why: 'a name' },
  },
  'relations.csv': {
    from: { max: 80, why: 'an id' },
    to: { max: 80, why: 'an id' },
    note: { max: 400, why: 'a sentence or two, shown on both claims’ pages' },
  },
  'events.csv': {
    id: { max: 80, why: 'an id' },
    title: { max: 40, why: 'it is drawn on charts' },
    description: { max: 600, why: 'a short description' },
    source_id: { max: 80, why: 'an id' },
  },
  'readings.csv': {
    claim_id: { max: 80, why: 'an id' },
    reading_id: { max: 80, why: 'an id' },
    label: { max: 120, why: 'a short label, shown beside each derived figure' },
    claimant_ids: { max: 400, why: 'a few ids' },
    quote: { max: MAX_QUOTE_LENGTH, why: 'one sentence of evidence, not a paragraph of the article' },
    note: { max: 1500, why: 'a note' },
  },
};

/** Characters as a reader counts them (code points), not UTF-16 units, so emoji and rare scripts count once. */
export function characterCount(cell: string): number {
  let count = 0;
  for (const _character of cell) count += 1;
  return count;
}

const emptyToNull = (cell: string): string | null => (cell === '' ? null : cell);

const slug = () =>
  z.string().regex(SLUG, { error: 'a lowercase slug of letters, digits and single hyphens, e.g. nug-cdm-2023-08' });

const requiredText = (what: string) =>
  z.string().refine((cell) => cell.trim() !== '', { error: `${what}; it must not be empty` });

const slugList = () =>
  z
    .string()
    .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*(?: [a-z0-9]+(?:-[a-z0-9]+)*)*)?$/, {
      error: 'claimant ids separated by single spaces (e.g. peoples-embrace police-cdm-channel), or empty',
    })
    .transform((cell) => (cell === '' ? [] : cell.split(' ')));

/**
 * An id in another file. Only non-empty here: whether it names a row there is checked by dataset.ts
 * against every id that file gives, so a source with a malformed id is reported once, at the source,
 * and not again on every claim that cites it.
 */
const reference = (file: string) =>
  z.string().refine((cell) => cell !== '', { error: `an id from data/${file}; it must not be empty` });

/** What a source's url must be: the address readers follow and JSON-LD publishes. */
export const HTTPS_URL_EXPECTED =
  'a plain https:// address with a host name (not an IP address or a port), e.g. https://www.rfa.org/english/ (no spaces, quotes, angle brackets, backslashes or control characters)';

/**
 * A plain https:// address. Checked character by character before parsing because `new URL` would
 * quietly percent-encode a quote or an angle bracket, and such characters have no place in an
 * address we print into HTML attributes and JSON-LD.
 */
export function isPlainHttpsUrl(cell: string): boolean {
  if (!/^https:\/\/[^\s"'<>\\`^{|}\u0000-\u001F\u007F-\u009F]+$/.test(cell)) return false;
  let url: URL;
  try {
    url = new URL(cell);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname) &&
    // A name, not an address: a news report lives at a domain whose last label has letters.
    /\.[a-z][a-z0-9-]*$/.test(url.hostname) &&
    url.port === '' &&
    // The host as written, not as normalised (no "https://example.org./", no "https://EXAMPLE.org@x").
    cell.toLowerCase().startsWith(`https://${url.host}`)
  );
}

const optionalText = () => z.string().transform(emptyToNull);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `one of: ${values.join(', ')}` });

const partialDate = () => z.string().refine(isPartialDate, { error: PARTIAL_DATE_EXPECTED });

const optionalPartialDate = () =>
  z
    .string()
    .refine((cell) => cell === '' || isPartialDate(cell), { error: `${PARTIAL_DATE_EXPECTED}, or empty` })
    .transform(emptyToNull);

/**
 * Ceilings on the numbers a row may state, with why. Without them "15" followed by 400 zeros is a
 * whole number, becomes Infinity in JavaScript and is published as "around ∞". Each ceiling is far
 * above any true value and far below where numbers stop being exact (Number.MAX_SAFE_INTEGER).
 */
export const NUMBER_CEILINGS = {
  figure: { max: 1_000_000, why: 'more people than Myanmar’s military and police together have ever had' },
  percent: { max: 1_000, why: 'a share of a force, even stated as growth, is not ten times the whole' },
  stated_days: { max: 3_660, why: 'ten years, longer than any period since the 2021 coup' },
} as const;

const optionalWholeNumber = (what: string, ceiling: { max: number; why: string }) =>
  z
    .string()
    .refine((cell) => cell === '' || WHOLE_NUMBER.test(cell), {
      error: `${what}: a whole number above 0 in plain digits (no thousands separators, no spaces), or empty`,
    })
    // Checked on the digits' length first, so a 400-digit cell never becomes a number at all.
    .refine((cell) => !WHOLE_NUMBER.test(cell) || (cell.length <= 16 && Number(cell) <= ceiling.max), {
      error: `${what}: at most ${ceiling.max.toLocaleString('en')} (${ceiling.why})`,
    })
    .transform((cell) => (cell === '' ? null : Number(cell)));

export const claimRow = z.object({
  /** Stable slug, used in URLs (#claim-<id>) and never reused for another claim. */
  id: slug(),
  /** The article the claim is taken from: an id in sources.csv. */
  source_id: reference('sources.csv'),
  /** Who makes the claim: an id in claimants.csv. */
  claimant_id: reference('claimants.csv'),
  /**
   * Others the article credits with the same figure, jointly with claimant_id ("according to the NUG's
   * ministry of defense and People's Embrace"): ids in claimants.csv separated by single spaces; empty
   * when the claimant speaks alone.
   */
  co_claimant_ids: slugList(),
  /** When the claim was made, else the article's date, at the precision we know. */
  claimed_on: partialDate(),
  /** First day the count covers; 2021-02-01 for totals since the coup. */
  period_start: optionalPartialDate(),
  /** Last day the count covers; empty when it runs up to the claim. */
  period_end: optionalPartialDate(),
  /** The length of the period in days when the article states it ("20 days", "two weeks"). */
  stated_days: optionalWholeNumber('the number of days the article states', NUMBER_CEILINGS.stated_days),
  /** The number as published, without its qualifier; empty only when the claim is vague. */
  figure: optionalWholeNumber('the figure', NUMBER_CEILINGS.figure),
  unit: oneOf(UNITS),
  /** How the number was hedged: "around" is about, "over" is more_than. */
  qualifier: oneOf(QUALIFIERS),
  /**
   * For a vague claim, the quote's own words for how many, as published ("Dozens of", "an
   * undisclosed number of", "many"): readers see them in place of a number. Empty otherwise.
   */
  vague_words: optionalText(),
  action: oneOf(ACTIONS),
  personnel: oneOf(PERSONNEL),
  /** Where, when the claim is local; empty when nationwide. */
  place: optionalText(),
  scope: oneOf(SCOPES),
  /** Verbatim evidence from the article, one sentence at most. */
  quote: requiredText('the verbatim quote from the article'),
  verification: oneOf(VERIFICATIONS),
  notes: optionalText(),
});

export const claimantRow = z.object({
  id: slug(),
  /** The name readers see beside every figure the claimant gives. */
  name: requiredText('the claimant’s name'),
  /** The label charts use where the full name does not fit. */
  short_name: requiredText('a short name for chart labels'),
  kind: oneOf(CLAIMANT_KINDS),
  description: requiredText('a description of the claimant'),
  /** Why this claimant might round a figure up or down. */
  interest: requiredText('the claimant’s interest in the figure'),
});

export const sourceRow = z.object({
  id: slug(),
  outlet: requiredText('the outlet’s name'),
  headline: requiredText('the headline'),
  published: partialDate(),
  url: z.string().refine(isPlainHttpsUrl, { error: HTTPS_URL_EXPECTED }),
  republished_by: optionalText(),
  language: z.string().regex(/^[a-z]{2}$/, { error: 'a two-letter language code such as en' }),
});

export const eventRow = z.object({
  id: slug(),
  date: partialDate(),
  /** How sure the date is; shown with it wherever the event is dated. */
  date_certainty: oneOf(DATE_CERTAINTIES),
  /** A short label: it is drawn on charts. */
  title: requiredText('a short title'),
  description: requiredText('a description of the event'),
  source_id: reference('sources.csv'),
});

/**
 * One admissible reading of a claim whose article allows two (data/readings.csv). An empty cell
 * keeps the claim's own value, so a reading states only what it changes.
 */
export const readingRow = z.object({
  /** The claim read: an id in claims.csv. */
  claim_id: slug(),
  /** Unique within its claim. */
  reading_id: slug(),
  /** The reading in a few words, shown beside every figure derived under it. */
  label: requiredText('a short label for the reading'),
  /** Who the article credits this reading to, when not the claim's claimants; empty keeps theirs. */
  claimant_ids: slugList(),
  qualifier: z
    .string()
    .refine((cell) => cell === '' || (QUALIFIERS as readonly string[]).includes(cell), {
      error: `one of: ${QUALIFIERS.join(', ')}, or empty`,
    })
    .transform((cell) => (cell === '' ? null : (cell as (typeof QUALIFIERS)[number]))),
  scope: z
    .string()
    .refine((cell) => cell === '' || (SCOPES as readonly string[]).includes(cell), {
      error: `one of: ${SCOPES.join(', ')}, or empty`,
    })
    .transform((cell) => (cell === '' ? null : (cell as (typeof SCOPES)[number]))),
  period_start: optionalPartialDate(),
  period_end: optionalPartialDate(),
  stated_days: optionalWholeNumber('the number of days the article states', NUMBER_CEILINGS.stated_days),
  /** The article's own words for this reading, verbatim. */
  quote: requiredText('the verbatim words that support the reading').refine((cell) => cell.length <= MAX_QUOTE_LENGTH, {
    error: `one sentence at most (${MAX_QUOTE_LENGTH} characters)`,
  }),
  note: optionalText(),
});

/**
 * How one claim stands to another, as the claims' notes say in prose ("a subset of the 453", "may be
 * counted in the 750"): one row per pair, shown on both claims' pages with the inverse wording.
 */
export const relationRow = z.object({
  /** The claim the relation is said of: an id in claims.csv. */
  from: slug(),
  relation: oneOf(RELATIONS),
  /** The other claim: an id in claims.csv. */
  to: slug(),
  /** Why, in our own words. */
  note: requiredText('a note saying why the relation holds'),
});

/** The files of data/, with the schema each row must satisfy. The column order is the schema's key order. */
export const DATA_FILES = {
  claims: { file: 'claims.csv', schema: claimRow },
  claimants: { file: 'claimants.csv', schema: claimantRow },
  sources: { file: 'sources.csv', schema: sourceRow },
  events: { file: 'events.csv', schema: eventRow },
  readings: { file: 'readings.csv', schema: readingRow },
  relations: { file: 'relations.csv', schema: relationRow },
} as const;

export type DataFileKey = keyof typeof DATA_FILES;

export function columnsOf(key: DataFileKey): string[] {
  return Object.keys(DATA_FILES[key].schema.shape);
}
