// The curated data as published: each CSV of data/ normalised (UTF-8 without a byte-order mark, LF
// line endings; see publishedDataText) and its README (the data dictionary, coding rules and
// provenance) beside them, as the Data Package convention expects.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataDirFromEnv } from '../../integrations/data-dir.ts';
import { publishedDataText } from '../../lib/dataset.ts';
import { DATA_FILES, type DataFileKey } from '../../lib/schema.ts';

// data/ under the project root, where astro build runs, or DATA_DIR (integrations/data-dir.ts).
const DATA_DIR = pathToFileURL(`${dataDirFromEnv(process.env)}/`);

export const getStaticPaths = (() => [
  ...(Object.keys(DATA_FILES) as DataFileKey[]).map((key) => ({
    params: { file: DATA_FILES[key].file },
    props: { key, type: 'text/csv; charset=utf-8' },
  })),
  { params: { file: 'README.md' }, props: { key: null, type: 'text/markdown; charset=utf-8' } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { key, type } = props as { key: DataFileKey | null; type: string };
  const body = key
    ? publishedDataText(fileURLToPath(DATA_DIR), key)
    : readFileSync(new URL(params.file as string, DATA_DIR));
  return new Response(body, { headers: { 'Content-Type': type } });
};
