// The Frictionless Data Package descriptor of data/: every field described (from data/README.md),
// CC BY 4.0, and the news reports as sources. See src/lib/datapackage.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIRoute } from 'astro';
import { dataDirFromEnv } from '../../integrations/data-dir.ts';
import { buildDataPackage } from '../../lib/datapackage.ts';
import { publishedDataText } from '../../lib/dataset.ts';
import { DATA_FILES, type DataFileKey } from '../../lib/schema.ts';
import { siteData } from '../../site/data.ts';
import { absoluteUrl } from '../../site/paths.ts';

// data/ under the project root, where astro build runs, or DATA_DIR (integrations/data-dir.ts).
const DATA_DIR = pathToFileURL(`${dataDirFromEnv(process.env)}/`);

export const GET: APIRoute = async ({ site }) => {
  const texts = Object.fromEntries(
    (Object.keys(DATA_FILES) as DataFileKey[]).map((key) => [key, publishedDataText(fileURLToPath(DATA_DIR), key)]),
  ) as Record<DataFileKey, string>;
  const descriptor = buildDataPackage({
    readme: readFileSync(new URL('README.md', DATA_DIR), 'utf8'),
    texts,
    sources: (await siteData()).sources,
    homepage: absoluteUrl('/', site),
  });
  return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
