// The curated data as published: each CSV of data/ byte for byte, and its README (the data
// dictionary, coding rules and provenance) beside them, as the Data Package convention expects.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATA_FILES } from '../../lib/schema.ts';

// Relative to the project root, where astro build runs (as src/content.config.ts's loaders are).
const DATA_DIR = new URL('data/', pathToFileURL(`${process.cwd()}/`));

export const getStaticPaths = (() => [
  ...Object.values(DATA_FILES).map(({ file }) => ({ params: { file }, props: { type: 'text/csv; charset=utf-8' } })),
  { params: { file: 'README.md' }, props: { type: 'text/markdown; charset=utf-8' } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(readFileSync(new URL(params.file as string, DATA_DIR)), {
    headers: { 'Content-Type': (props as { type: string }).type },
  });
