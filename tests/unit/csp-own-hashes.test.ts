import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keepOwnCspHashes } from '../../src/integrations/csp-own-hashes.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const page = (policy: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html.split('http-equiv')[1] ?? '')?.[1];

describe('keepOwnCspHashes', () => {
  const mine = 'console.log(1)';
  const other = 'console.log(2)';
  const style = 'p{color:red}';

  it("drops hashes of scripts the page does not hold and keeps its own, 'self' and the other directives", () => {
    const html = page(
      `script-src 'self' ${hash(mine)} ${hash(other)}; style-src 'self' ${hash(style)} ${hash('x{}')}`,
      `<script type="module">${mine}</script><style>${style}</style>`,
    );
    expect(policyOf(keepOwnCspHashes(html))).toBe(`script-src 'self' ${hash(mine)}; style-src 'self' ${hash(style)}`);
  });

  it('keeps nothing for a script with src (it has no inline text) and leaves a page without a policy alone', () => {
    const html = page(`script-src 'self' ${hash('')}`, `<script type="module" src="/a.js"></script>`);
    expect(policyOf(keepOwnCspHashes(html))).toBe(`script-src 'self'`);
    const bare = '<html><head></head><body><script>x</script></body></html>';
    expect(keepOwnCspHashes(bare)).toBe(bare);
  });

  it('leaves the rest of the page byte for byte', () => {
    const body = `<script>${mine}</script><p>text</p>`;
    const html = page(`script-src 'self' ${hash(mine)} ${hash(other)}`, body);
    expect(keepOwnCspHashes(html)).toBe(page(`script-src 'self' ${hash(mine)}`, body));
  });
});
