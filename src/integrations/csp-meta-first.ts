/**
 * Puts each page's Content Security Policy first in <head>, right after <meta charset>.
 *
 * A policy in a <meta> governs only what the parser meets after it. Astro's `security.csp` writes
 * its <meta http-equiv="content-security-policy"> where the compiler renders head content, which is
 * just before </head>, after everything a layout puts in <head>: stylesheets, JSON-LD, and any text
 * from the data in them. No layout can place it earlier (Astro has no option for it), so this step
 * moves it once the pages are written. The policy's hashes cover the inline scripts and styles
 * wherever they are, so moving the element changes nothing else. <meta charset> stays first, because
 * the encoding must be declared within the first 1024 bytes.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepOwnCspHashes } from './csp-own-hashes.ts';

const CSP_META = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/gi;
const CHARSET_META = /<meta\s+charset=["']?[^"'>\s]+["']?\s*\/?>/i;
const HEAD_START = /<head(\s[^>]*)?>/i;

/**
 * The page with its CSP <meta> moved to just after <meta charset> (or to the start of <head> when a
 * page declares no charset). A page without a policy comes back unchanged; one with several, or
 * with a policy but no <head>, is an error, since the static checks require exactly one.
 */
export function moveCspMetaFirst(html: string, file = 'page'): string {
  const metas = html.match(CSP_META) ?? [];
  if (metas.length === 0) return html;
  if (metas.length > 1) throw new Error(`${file}: ${metas.length} CSP <meta> elements; expected one`);
  const meta = metas[0] as string;
  const without = html.replace(meta, '');
  const anchor = CHARSET_META.exec(without) ?? HEAD_START.exec(without);
  if (!anchor) throw new Error(`${file}: has a CSP <meta> but no <head> to put it in`);
  const at = anchor.index + anchor[0].length;
  return without.slice(0, at) + meta + without.slice(at);
}

function htmlFilesIn(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return htmlFilesIn(path);
    return entry.endsWith('.html') ? [path] : [];
  });
}

export function cspMetaFirst(): AstroIntegration {
  return {
    name: 'csp-meta-first',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFilesIn(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const moved = keepOwnCspHashes(moveCspMetaFirst(html, file));
          if (moved !== html) writeFileSync(file, moved);
        }
      },
    },
  };
}
