// The colour theme as a real stylesheet, generated from src/charts/palette.ts so that pages,
// embeds and the exported images share one set of values (and no inline style needs a CSP hash).
import type { APIRoute } from 'astro';
import { themeCss } from '../charts/palette.ts';

export const GET: APIRoute = () => new Response(themeCss(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
