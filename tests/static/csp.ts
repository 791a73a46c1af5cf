/**
 * The Content Security Policy every page must carry (Astro's `security.csp` writes it as a
 * <meta http-equiv> with hashes of every inline script and style): scripts and styles limited to
 * our own origin and hashed inline blocks, no 'unsafe-inline' or 'unsafe-eval' anywhere, and no
 * markup the policy would block (style="" attributes, on* handlers, unhashed inline blocks).
 */
import { createHash } from 'node:crypto';
import { htmlFiles, readPage, type BuiltSite } from './dist.ts';

export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const ALLOWED_SOURCE =
  /^('self'|'none'|'strict-dynamic'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|'nonce-[A-Za-z0-9+/=_-]+')$/;

/**
 * The search page runs Pagefind's WebAssembly, which needs 'wasm-unsafe-eval' (it allows compiling
 * WebAssembly, not evaluating strings as script); no other page may have it.
 */
const WASM_PAGE = /(^|[/\\])search[/\\]index\.html$/;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function sourcesFor(policy: Policy, directive: 'script-src' | 'style-src'): string[] | undefined {
  return policy.get(directive) ?? policy.get('default-src');
}

/** Checks one page's HTML; returns what is wrong, each line prefixed with the file name. */
export function checkPageCsp(file: string, html: string, document: Document): string[] {
  const problems: string[] = [];
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
    (meta) => meta.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  if (metas.length !== 1)
    return [`${file}: expected one <meta http-equiv="content-security-policy">, found ${metas.length}`];
  const meta = metas[0]!;
  if (meta.parentElement?.localName !== 'head') problems.push(`${file}: the CSP <meta> is not in <head>`);
  problems.push(...checkCspFirst(file, html, meta));
  const policy = parsePolicy(meta.getAttribute('content') ?? '');
  for (const [directive, sources] of policy) {
    for (const source of sources) {
      if (/^'unsafe-(inline|eval|hashes)'$/.test(source)) problems.push(`${file}: ${directive} allows ${source}`);
    }
  }
  for (const directive of ['script-src', 'style-src'] as const) {
    const sources = sourcesFor(policy, directive);
    if (!sources) {
      problems.push(`${file}: the CSP has neither ${directive} nor default-src`);
      continue;
    }
    const loose = sources.filter(
      (source) =>
        !ALLOWED_SOURCE.test(source) &&
        !/^'unsafe-/.test(source) &&
        !(directive === 'script-src' && source === "'wasm-unsafe-eval'" && WASM_PAGE.test(file)),
    );
    if (loose.length)
      problems.push(`${file}: ${directive} allows ${loose.join(' ')} (only 'self' and hashes are strict)`);
  }

  // Inline blocks must be hashed; the policy must come before anything it governs.
  const scriptSources = new Set(sourcesFor(policy, 'script-src') ?? []);
  const styleSources = new Set(sourcesFor(policy, 'style-src') ?? []);
  const metaAt = html.search(/<meta\s[^>]*http-equiv=["']?content-security-policy/i);
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
    const executable = !type || type === 'module' || /(java|ecma)script/.test(type);
    if (!executable) continue;
    if ((match.index ?? 0) < metaAt)
      problems.push(`${file}: a <script> comes before the CSP <meta>, which cannot govern it`);
    if (/\ssrc\s*=/i.test(attributes)) continue;
    if (!scriptSources.has(sha256(match[2] ?? '')))
      problems.push(`${file}: an inline <script> is not hashed in script-src`);
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    if ((match.index ?? 0) < metaAt) problems.push(`${file}: a <style> comes before the CSP <meta>`);
    if (!styleSources.has(sha256(match[1] ?? '')))
      problems.push(`${file}: an inline <style> is not hashed in style-src`);
  }
  const styled = document.querySelectorAll('[style]');
  if (styled.length)
    problems.push(
      `${file}: ${styled.length} element(s) with a style="" attribute, which the CSP blocks (first: <${styled[0]?.localName}>)`,
    );
  const handlers = [...document.querySelectorAll('*')].filter((element) =>
    [...element.attributes].some((attribute) => /^on[a-z]+$/i.test(attribute.name)),
  );
  if (handlers.length)
    problems.push(
      `${file}: ${handlers.length} element(s) with inline on* event handlers (first: <${handlers[0]?.localName}>)`,
    );
  if (/\bhref\s*=\s*["']?\s*javascript:/i.test(html)) problems.push(`${file}: a javascript: URL, which the CSP blocks`);
  return problems;
}

/**
 * A policy in a <meta> governs only what comes after it, so it must be the first element of <head>
 * after <meta charset> (which the encoding rules keep first), and before any script of any type
 * (JSON-LD included), inline style or stylesheet.
 */
export function checkCspFirst(file: string, html: string, meta: Element): string[] {
  const problems: string[] = [];
  const head = meta.parentElement;
  const leading = [...(head?.children ?? [])];
  const expectedAt = leading[0]?.hasAttribute('charset') ? 1 : 0;
  if (leading.indexOf(meta) !== expectedAt) {
    const before = leading.slice(expectedAt, leading.indexOf(meta)).map((element) => `<${element.localName}>`);
    problems.push(
      `${file}: the CSP <meta> is not the first element of <head> after <meta charset> (after ${before.join(', ')})`,
    );
  }
  const metaAt = html.search(/<meta\s[^>]*http-equiv=["']?content-security-policy/i);
  const governed = /<script\b|<style\b|<link\s[^>]*rel=["']?stylesheet/gi;
  for (const match of html.slice(0, metaAt).matchAll(governed)) {
    const what = /^<link/i.test(match[0]) ? 'a stylesheet <link>' : `a ${match[0].toLowerCase()}>`;
    problems.push(`${file}: ${what} comes before the CSP <meta>, which cannot govern it`);
  }
  return problems;
}

export function checkCsp(site: BuiltSite): string[] {
  return htmlFiles(site.outDir).flatMap((file) => {
    const { html, document } = readPage(site.outDir, file);
    return checkPageCsp(file, html, document);
  });
}
