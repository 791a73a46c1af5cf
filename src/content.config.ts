/**
 * The content collections: each CSV in data/ loaded through Astro's file loader and the zod schema of
 * src/lib/schema.ts, with the foreign keys as references. Astro by itself only warns about some
 * defects; the validate-data integration (src/integrations/validate-data.ts) has already failed the
 * build on any of them before these collections load.
 */
import { join } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { claimRow, claimantRow, eventRow, readingRow, relationRow, sourceRow } from './lib/schema.ts';
import { parseCsvRecords } from './lib/dataset.ts';
import { dataDirFromEnv } from './integrations/data-dir.ts';

// data/, or the folder DATA_DIR names (checked and documented in integrations/data-dir.ts).
const DATA_DIR = dataDirFromEnv(process.env);
const dataFile = (name: string) => join(DATA_DIR, name);

// Each entry also keeps its spreadsheet row number: the store does not keep file order, and the
// order of claimants in claimants.csv is what fixes each claimant's colour.
const csv = {
  parser: (text: string) => parseCsvRecords(text).map((record, index) => ({ ...record, row: String(index + 2) })),
};
const row = { row: z.coerce.number().int() };

export const collections = {
  claims: defineCollection({
    loader: file(dataFile('claims.csv'), csv),
    schema: claimRow.extend({ ...row, claimant_id: reference('claimants'), source_id: reference('sources') }),
  }),
  claimants: defineCollection({ loader: file(dataFile('claimants.csv'), csv), schema: claimantRow.extend(row) }),
  sources: defineCollection({ loader: file(dataFile('sources.csv'), csv), schema: sourceRow.extend(row) }),
  events: defineCollection({
    loader: file(dataFile('events.csv'), csv),
    schema: eventRow.extend({ ...row, source_id: reference('sources') }),
  }),
  // Keyed by row number: a reading's id is unique only within its claim.
  readings: defineCollection({
    loader: file(dataFile('readings.csv'), {
      parser: (text: string) =>
        parseCsvRecords(text).map((record, index) => ({ ...record, id: String(index + 2), row: String(index + 2) })),
    }),
    schema: readingRow.extend(row),
  }),
  // Keyed by row number too: a relation is identified by its pair and kind together.
  relations: defineCollection({
    loader: file(dataFile('relations.csv'), {
      parser: (text: string) =>
        parseCsvRecords(text).map((record, index) => ({ ...record, id: String(index + 2), row: String(index + 2) })),
    }),
    schema: relationRow.extend(row),
  }),
};
