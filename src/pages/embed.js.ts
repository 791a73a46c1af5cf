// The host snippet as a file, for hosts that prefer <script src> to pasting it inline. The responsive
// embed code inlines the same text (src/site/embed.ts hostSnippet).
import type { APIRoute } from 'astro';
import { hostSnippet } from '../site/embed.ts';
import { absoluteUrl } from '../site/paths.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${hostSnippet(new URL(absoluteUrl('/', site)).origin)}\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
