/**
 * DATA_DIR: the folder the build reads instead of data/. A missing folder, a file, or a folder
 * without claims.csv stops the build with a message naming the variable (the README's bad-input
 * table quotes it); unset or empty means data/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../src/integrations/data-dir.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'data-dir-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('DATA_DIR', () => {
  it('defaults to data/ under the project root when unset or empty', () => {
    expect(dataDirFromEnv({}, ROOT)).toBe(join(ROOT, 'data'));
    expect(dataDirFromEnv({ DATA_DIR: '' }, ROOT)).toBe(join(ROOT, 'data'));
  });

  it('takes an absolute folder, or one relative to the project root', () => {
    const folder = join(scratch, 'x10');
    mkdirSync(folder);
    writeFileSync(join(folder, 'claims.csv'), 'id\n');
    writeFileSync(join(folder, 'README.md'), '# Data\n');
    expect(dataDirFromEnv({ DATA_DIR: folder }, ROOT)).toBe(folder);
    expect(dataDirFromEnv({ DATA_DIR: 'x10' }, scratch)).toBe(folder);
  });

  it('refuses a missing folder, an empty folder and a file, naming the variable', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const file = join(scratch, 'claims.csv');
    writeFileSync(file, 'id\n');
    // claims.csv without the README (read for the release date before validation) is refused too.
    const noReadme = join(scratch, 'no-readme');
    mkdirSync(noReadme);
    writeFileSync(join(noReadme, 'claims.csv'), 'id\n');
    for (const value of ['data-x10', empty, file, noReadme]) {
      expect(() => dataDirFromEnv({ DATA_DIR: value }, scratch)).toThrow(
        `DATA_DIR is ${JSON.stringify(value)}; expected a folder holding the data files (claims.csv, claimants.csv, sources.csv, events.csv, readings.csv, relations.csv and README.md), absolute or relative to the project root; unset means data/. Nothing was built.`,
      );
    }
  });
});
