/**
 * A real `astro build` of a copy of the project whose data has defects: the build must fail, name
 * every defect, and leave no dist/ behind (not even one from an earlier good build).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT } from './build-site.ts';

const copy = mkdtempSync(join(tmpdir(), 'bad-data-site-'));
for (const entry of ['src', 'public', 'data', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
  cpSync(join(PROJECT_ROOT, entry), join(copy, entry), { recursive: true });
}
symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('a build with bad data', () => {
  it('fails, lists every defect with file, row, column and value, and removes the output folder', async () => {
    const lines = readFileSync(join(copy, 'data', 'claims.csv'), 'utf8').split('\n');
    const rowOf = (idPrefix: string) => lines.findIndex((line) => line.startsWith(`${idPrefix},`)) + 1;
    const totalRow = rowOf('nug-defected-3000-2021-09');
    const soldiersRow = rowOf('peoples-embrace-defected-1500-2021-09');
    lines[totalRow - 1] = (lines[totalRow - 1] as string).replace(',nug,', ',no-such-group,');
    lines[soldiersRow - 1] = (lines[soldiersRow - 1] as string).replace(',1500,', ',"1,500",');
    writeFileSync(join(copy, 'data', 'claims.csv'), lines.join('\n'));
    const outDir = join(copy, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'a stale page from an earlier build');

    const result = await buildSite({ root: copy, outDir });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain('The data in data/ has 2 defects; nothing was built.');
    expect(totalRow).toBeGreaterThan(1);
    expect(result.output).toContain(
      `data/claims.csv, row ${totalRow}, column "claimant_id": found "no-such-group"; expected an id from data/claimants.csv`,
    );
    expect(result.output).toContain(
      `data/claims.csv, row ${soldiersRow}, column "figure": found "1,500"; expected the figure: a whole number above 0`,
    );
    expect(existsSync(outDir)).toBe(false);
  });
});
