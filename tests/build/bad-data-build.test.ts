/**
 * Real `astro build`s of copies of the project that must fail: bad data (caught by the validator
 * before anything is built) and a failure injected after validation (a page that throws). Either way
 * the build names what went wrong and leaves no output folder behind, not even one from an earlier
 * good build: Astro empties the folder when it starts writing, so "absent" is the only state that
 * cannot be mistaken for a good site (see src/integrations/validate-data.ts).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT } from './build-site.ts';

const copies: string[] = [];
afterAll(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

/** A copy of the project to break, with an output folder holding a stale page from an "earlier build". */
function projectCopy(): { copy: string; outDir: string } {
  const copy = mkdtempSync(join(tmpdir(), 'bad-data-site-'));
  copies.push(copy);
  for (const entry of ['src', 'public', 'data', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
  const outDir = join(copy, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'a stale page from an earlier build');
  return { copy, outDir };
}

describe('a build with bad data', () => {
  it('fails, lists every defect with file, row, column and value, and removes the output folder', async () => {
    const { copy, outDir } = projectCopy();
    const lines = readFileSync(join(copy, 'data', 'claims.csv'), 'utf8').split('\n');
    const rowOf = (idPrefix: string) => lines.findIndex((line) => line.startsWith(`${idPrefix},`)) + 1;
    const totalRow = rowOf('nug-defected-3000-2021-09');
    const soldiersRow = rowOf('peoples-embrace-defected-1500-2021-09');
    lines[totalRow - 1] = (lines[totalRow - 1] as string).replace(',nug,', ',no-such-window-group,');
    lines[soldiersRow - 1] = (lines[soldiersRow - 1] as string).replace(',1500,', ',"1,500",');
    const quoteRow = rowOf('nug-cdm-15000-2023-08');
    lines[quoteRow - 1] = (lines[quoteRow - 1] as string).replace('"around 15,000', '"around \u202e15,000');
    writeFileSync(join(copy, 'data', 'claims.csv'), lines.join('\n'));
    // A spreadsheet's "Unicode text" save: UTF-16 with its byte-order mark, read from disk as bytes.
    const events = readFileSync(join(copy, 'data', 'events.csv'), 'utf8');
    writeFileSync(
      join(copy, 'data', 'events.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(events, 'utf16le')]),
    );

    const result = await buildSite({ root: copy, outDir });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain('The data in data/ has 4 defects; nothing was built.');
    // Only our message: no stack trace, and no guess from Astro prompted by a word like "window".
    expect(result.output).not.toContain('Browser APIs');
    expect(result.output).not.toMatch(/\n\s+at .*dataset\.ts/);
    expect(result.output).toContain(
      'data/events.csv: expected the file to be UTF-8 text, but it is UTF-16 (it starts with a UTF-16 byte-order mark).',
    );
    expect(result.output).toContain(`data/claims.csv, row ${quoteRow}, column "quote": found "`);
    expect(result.output).toContain('U+202E RIGHT-TO-LEFT OVERRIDE at character');
    // The log shows neither the UTF-16 file's NUL bytes nor the override itself, which would reorder it.
    expect(result.output).not.toContain('\0');
    expect(result.output).not.toContain('\u202e');
    expect(totalRow).toBeGreaterThan(1);
    expect(result.output).toContain(
      `data/claims.csv, row ${totalRow}, column "claimant_id": found "no-such-window-group"; expected an id from data/claimants.csv`,
    );
    expect(result.output).toContain(
      `data/claims.csv, row ${soldiersRow}, column "figure": found "1,500"; expected the figure: a whole number above 0`,
    );
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('a build that fails after validation', () => {
  it('leaves no output folder: neither the pages written before the failure nor the earlier build', async () => {
    const { copy, outDir } = projectCopy();
    // Sorted after every other page, so most of the site has been written when it throws.
    writeFileSync(
      join(copy, 'src', 'pages', 'zz-broken.astro'),
      "---\nthrow new Error('injected failure after validation');\n---\n<p>never</p>\n",
    );

    const result = await buildSite({ root: copy, outDir });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain('injected failure after validation');
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('a build that fails on a setting, before any integration runs', () => {
  // astro.config.mjs reads SITE_URL, DATA_DIR and the data README's changelog before Astro starts
  // the integrations; each failure there must remove the output folder (--outDir, not only dist/).
  const badReadme = mkdtempSync(join(tmpdir(), 'data-no-changelog-'));
  copies.push(badReadme);
  cpSync(join(PROJECT_ROOT, 'data'), badReadme, { recursive: true });
  writeFileSync(join(badReadme, 'README.md'), '# Data\n\nNo changelog.\n');
  const cases: [string, Record<string, string>, string][] = [
    ['a DATA_DIR that does not exist', { DATA_DIR: '/nonexistent' }, 'DATA_DIR is "/nonexistent"; expected a folder'],
    [
      'a data README without a changelog, named by its real path',
      { DATA_DIR: badReadme },
      `${join(badReadme, 'README.md')} has no "## Changelog" section to date the data from. Nothing was built.`,
    ],
    [
      'a malformed SITE_URL',
      { SITE_URL: 'http://x y' },
      'SITE_URL is "http://x y"; expected an absolute https:// origin',
    ],
  ];

  it.each(cases)('%s: fails, says so, and leaves no output folder', async (_name, env, message) => {
    const { copy } = projectCopy();
    // A folder other than dist/, as the test and browser runners pass with --outDir.
    const outDir = join(copy, 'dist-elsewhere');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'stale.html'), 'a stale page from an earlier build');

    const result = await buildSite({ root: copy, outDir, env });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain(message);
    expect(result.output).toContain('Nothing was built.');
    expect(existsSync(join(outDir, 'stale.html'))).toBe(false);
    expect(existsSync(outDir)).toBe(false);
  });
});
