/**
 * Keeps in each page's Content Security Policy only the hashes of the inline scripts and styles that
 * page holds. Astro's `security.csp` lists the hashes of every inline script in the whole build on
 * every page: twelve on an embed page that runs one, half a kilobyte gzipped of base64 that noise
 * cannot compress, on pages held to 10 KB with all they load. A hash allows nothing on a page
 * without that script, so dropping it loosens nothing; the policy gets stricter, not weaker.
 */
import { createHash } from 'node:crypto';

const CSP_CONTENT = /(<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*\scontent=")([^"]*)(")/i;
const INLINE_BLOCK = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
const HASH = /^'sha(256|384|512)-([A-Za-z0-9+/=]+)'$/;

function digests(text: string): Set<string> {
  return new Set(
    (['sha256', 'sha384', 'sha512'] as const).map(
      (algorithm) => `'${algorithm}-${createHash(algorithm).update(text, 'utf8').digest('base64')}'`,
    ),
  );
}

/** The page with hashes for inline blocks it does not contain removed from its CSP <meta>. */
export function keepOwnCspHashes(html: string): string {
  const meta = CSP_CONTENT.exec(html);
  if (!meta) return html;
  const present = new Set<string>();
  for (const block of html.matchAll(INLINE_BLOCK)) {
    // A script with src has no inline text to hash; an empty one needs no hash either.
    if (/\ssrc\s*=/i.test(block[2] ?? '')) continue;
    for (const digest of digests(block[3] ?? '')) present.add(digest);
  }
  const policy = (meta[2] ?? '')
    .split(';')
    .map((directive) =>
      directive
        .trim()
        .split(/\s+/)
        .filter((source) => !HASH.test(source) || present.has(source))
        .join(' '),
    )
    .join('; ');
  return html.replace(CSP_CONTENT, (_, start: string, _content: string, end: string) => `${start}${policy}${end}`);
}
