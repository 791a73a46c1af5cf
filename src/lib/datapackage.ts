/**
 * The Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) that describes
 * the CSVs of data/ for reuse: every field with its description, type and constraints, keys between
 * files, the licence and the news reports the data comes from.
 *
 * The field descriptions are not written twice: they are read from the column tables of
 * data/README.md, the data dictionary people read. A column missing from the README, or a README
 * column missing from the files, is an error here, so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import { dataRelease } from './release.ts';
import { DATA_FILES, MAX_LENGTHS, columnsOf, type DataFileKey } from './schema.ts';
import type { Source } from './types.ts';

export interface DictionaryColumn {
  name: string;
  meaning: string;
  allowed: string;
}

/** Reads each "## `<file>`" section's table of | column | meaning | allowed values | from the README. */
export function parseDataDictionary(readme: string): Map<string, DictionaryColumn[]> {
  const files = new Map<string, DictionaryColumn[]>();
  let current: string | null = null;
  for (const line of readme.split('\n')) {
    const heading = /^##\s+`([\w.-]+\.csv)`\s*$/.exec(line);
    if (heading) {
      current = heading[1] as string;
      files.set(current, []);
      continue;
    }
    if (/^##\s/.test(line)) current = null;
    if (!current) continue;
    const row = /^\|\s*`([a-z_]+)`\s*\|(.*)\|(.*)\|\s*$/.exec(line);
    if (row)
      files
        .get(current)
        ?.push({ name: row[1] as string, meaning: (row[2] as string).trim(), allowed: (row[3] as string).trim() });
  }
  return files;
}

/** Markdown to plain text, for JSON: `code` and **bold** lose their marks. */
function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

export interface TableField {
  name: string;
  title: string;
  description: string;
  type: 'string' | 'integer';
  format?: 'uri';
  constraints: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    pattern?: string;
    minimum?: number;
    maxLength?: number;
  };
}

/**
 * YYYY, YYYY-MM or YYYY-MM-DD with a real month and a day from 01 to 31: rejects 2023-13-45. A
 * pattern cannot know month lengths, so 2023-02-30 passes here; the build itself (dates.ts) rejects it.
 */
const PARTIAL_DATE_PATTERN = '\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?';
const SLUG_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*';

/** Type and constraints from the README's "allowed values" cell, and the column's maximum length. */
export function fieldFromDictionary(column: DictionaryColumn, maxLength?: number): TableField {
  const allowed = column.allowed;
  const required = !/\bor empty\b/.test(allowed);
  const field: TableField = {
    name: column.name,
    title: column.name.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase()),
    description: `${plain(column.meaning)} Allowed values: ${plain(allowed)}.`,
    type: 'string',
    constraints: required ? { required: true } : {},
  };
  const enumValues = [...allowed.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);
  if (/^`id`s in `.* separated by spaces/.test(allowed)) {
    field.constraints.pattern = `(${SLUG_PATTERN}( ${SLUG_PATTERN})*)?`;
  } else if (/^an `id` in `/.test(allowed)) {
    field.constraints.pattern = SLUG_PATTERN;
  } else if (/slug/.test(allowed)) {
    field.constraints.pattern = SLUG_PATTERN;
    if (/unique/.test(allowed)) field.constraints.unique = true;
  } else if (/partial date/.test(allowed)) {
    field.constraints.pattern = PARTIAL_DATE_PATTERN;
  } else if (/integer/.test(allowed)) {
    field.type = 'integer';
    if (/positive/.test(allowed)) field.constraints.minimum = 1;
  } else if (/^URL$/.test(allowed)) {
    field.format = 'uri';
  } else if (enumValues.length > 0 && allowed.replace(/`[^`]+`/g, '').replace(/[,\s]/g, '') === '') {
    field.constraints.enum = enumValues;
  }
  if (maxLength !== undefined && field.type === 'string') field.constraints.maxLength = maxLength;
  return field;
}

export interface DataPackageInput {
  readme: string;
  /** The text of each file of data/ as published (normalised: see publishedCsvText), by key. */
  texts: Record<DataFileKey, string>;
  sources: Source[];
  /** Absolute URL of the explainer. */
  homepage: string;
}

const FILE_DESCRIPTIONS: Record<DataFileKey, string> = {
  claims:
    'One row per numeric (or explicitly vague) claim about soldiers and police leaving the forces, with its claimant, article, dates, hedge and a verbatim quote. Every row is a claim, not a measurement.',
  claimants:
    'One row per person, group or outlet a claim is attributed to, with why each might round its numbers up or down.',
  sources: 'One row per news article the claims are taken from.',
  events: 'Dated context events for the timeline; not claims about defections.',
  readings:
    'One row per admissible reading of a claim whose article allows more than one (a window of two weeks or since 7 Sept; around 750, credited to unnamed opposition sources, or at least 750, credited to the anti-junta alliance), with whoever the article credits it to; every figure derived from the claim is computed under each.',
  relations:
    'One row per relation between two claims that their notes describe (one is part of, may be part of, restates or may overlap with the other): read with both claims, never added together.',
};

// Table Schema spells both sides `fields` (https://specs.frictionlessdata.io/table-schema/#foreign-keys).
// co_claimant_ids holds several ids in one cell, which a foreign key cannot express; the build checks it.
const FOREIGN_KEYS: Partial<
  Record<DataFileKey, { fields: string; reference: { resource: string; fields: string } }[]>
> = {
  claims: [
    { fields: 'source_id', reference: { resource: 'sources', fields: 'id' } },
    { fields: 'claimant_id', reference: { resource: 'claimants', fields: 'id' } },
  ],
  events: [{ fields: 'source_id', reference: { resource: 'sources', fields: 'id' } }],
  readings: [{ fields: 'claim_id', reference: { resource: 'claims', fields: 'id' } }],
  relations: [
    { fields: 'from', reference: { resource: 'claims', fields: 'id' } },
    { fields: 'to', reference: { resource: 'claims', fields: 'id' } },
  ],
};

// Files keyed by more than one column; every other file by its id.
const PRIMARY_KEYS: Partial<Record<DataFileKey, string[]>> = {
  // A reading is identified by its claim and its reading id together.
  readings: ['claim_id', 'reading_id'],
  // A relation by its pair and its kind.
  relations: ['from', 'relation', 'to'],
};

export function buildDataPackage({ readme, texts, sources, homepage }: DataPackageInput) {
  const dictionary = parseDataDictionary(readme);
  const release = dataRelease(readme);
  const resources = (Object.keys(DATA_FILES) as DataFileKey[]).map((key) => {
    const file = DATA_FILES[key].file;
    const documented = dictionary.get(file);
    if (!documented) throw new Error(`data/README.md has no "## \`${file}\`" section with a column table`);
    const columns = columnsOf(key);
    const missing = columns.filter((column) => !documented.some((entry) => entry.name === column));
    const extra = documented.filter((entry) => !columns.includes(entry.name)).map((entry) => entry.name);
    if (missing.length || extra.length) {
      throw new Error(
        `data/README.md's table for ${file} must list exactly the file's columns: ` +
          [
            missing.length ? `missing ${missing.join(', ')}` : '',
            extra.length ? `not in the file ${extra.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
      );
    }
    const fields = columns.map((column) =>
      fieldFromDictionary(
        documented.find((entry) => entry.name === column) as DictionaryColumn,
        MAX_LENGTHS[file]?.[column]?.max,
      ),
    );
    const bytes = Buffer.byteLength(texts[key], 'utf8');
    return {
      name: key,
      path: file,
      profile: 'tabular-data-resource',
      title: file,
      description: FILE_DESCRIPTIONS[key],
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes,
      hash: `sha256:${createHash('sha256').update(texts[key], 'utf8').digest('hex')}`,
      dialect: {
        delimiter: ',',
        doubleQuote: true,
        header: true,
        lineTerminator: '\n',
        quoteChar: '"',
        skipInitialSpace: false,
      },
      schema: {
        fields,
        missingValues: [''],
        primaryKey: PRIMARY_KEYS[key] ?? 'id',
        ...(FOREIGN_KEYS[key] ? { foreignKeys: FOREIGN_KEYS[key] } : {}),
      },
    };
  });
  return {
    profile: 'tabular-data-package',
    name: 'myanmar-military-defection-claims',
    title: 'Claims about soldiers and police leaving Myanmar’s military since the 2021 coup',
    description: `Claims about soldiers and police leaving Myanmar’s security forces since the February 2021 coup: every figure on it in ${sources.length} news reports, whether the people are said to have defected, deserted, surrendered, joined the Civil Disobedience Movement, answered the NUG’s call, made contact or been waiting to leave. Each row gives who made the claim, when, how it was hedged and a verbatim quote. None of the figures has been independently verified: every row is a claim by the party named. The full data dictionary, coding rules and provenance are in README.md beside these files.`,
    homepage,
    // The data's release (its newest changelog date), not the build's clock: two builds of the same
    // data publish the same descriptor.
    version: release.version,
    created: `${release.version}T00:00:00Z`,
    keywords: ['Myanmar', 'Tatmadaw', 'defections', 'desertions', 'Civil Disobedience Movement', 'claims'],
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0',
      },
    ],
    sources: sources.map((source) => ({
      title: `${source.outlet}: ${source.headline} (${source.published})`,
      path: source.url,
    })),
    resources,
  };
}
