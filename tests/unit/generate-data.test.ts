/**
 * The benchmark's synthetic data (bench/generate-data.ts): deterministic, valid at every size the
 * bench builds, faithful to the sizes issue 13 names, and never written into data/.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateData, numberedShortName, shiftYears, shiftYearsInText, writeData } from '../../bench/generate-data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { REQUIRED_RECORDS } from '../../src/lib/required-records.ts';
import { DATA_DIR } from './data-texts.ts';

const scratch = mkdtempSync(join(tmpdir(), 'generate-data-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const curated = snapshot(DATA_DIR);

function writeAndLoad(scale: number, seed: number) {
  const dir = join(scratch, `x${scale}-seed${seed}`);
  writeData(dir, generateData(scale, seed));
  return { dir, dataset: loadDataset(dir, { required: REQUIRED_RECORDS }) };
}

describe('the synthetic data generator', () => {
  it('writes byte-identical files for the same scale and seed, and other files for another seed', () => {
    const a = generateData(10, 7);
    expect(generateData(10, 7).texts).toEqual(a.texts);
    expect(generateData(10, 8).texts.claims).not.toBe(a.texts.claims);
  });

  it('x1 is the curated data, and it passes the validator', () => {
    const { dir, dataset } = writeAndLoad(1, 1);
    expect(dataset.claims).toHaveLength(29);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(curated['README.md']);
  });

  it('x10 passes the validator, with every value of every coded column the curated data uses', () => {
    const { dataset } = writeAndLoad(10, 1);
    const original = loadDataset(DATA_DIR);
    expect(dataset.claims).toHaveLength(290);
    expect(dataset.sources).toHaveLength(50);
    expect(dataset.readings).toHaveLength(original.readings.length * 10);
    expect(dataset.relations).toHaveLength(original.relations.length * 10);
    for (const column of ['qualifier', 'action', 'personnel', 'scope', 'unit', 'verification'] as const) {
      const values = (claims: typeof dataset.claims) => new Set(claims.map((claim) => claim[column]));
      expect(values(dataset.claims), column).toEqual(values(original.claims));
    }
    // Every column that is filled somewhere in the curated data is filled somewhere here too.
    for (const key of Object.keys(original.claims[0] ?? {}) as (keyof (typeof dataset.claims)[number])[]) {
      const filled = (claims: typeof dataset.claims) =>
        claims.some((claim) => claim[key] !== null && claim[key] !== '');
      expect(filled(dataset.claims), key).toBe(filled(original.claims));
    }
    const years = new Set(dataset.claims.map((claim) => claim.claimed_on.slice(0, 4)));
    expect([...years].sort()).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('x100 has 2,900 claims from about 80 claimants in 500 sources, and passes the validator', () => {
    const { dataset } = writeAndLoad(100, 1);
    expect(dataset.claims).toHaveLength(2900);
    expect(dataset.sources).toHaveLength(500);
    expect(dataset.claimants.length).toBeGreaterThanOrEqual(75);
    expect(dataset.claimants.length).toBeLessThanOrEqual(85);
    const used = new Set(dataset.claims.map((claim) => claim.claimant_id));
    expect(used.size).toBeGreaterThan(60);
  });

  it('leaves data/ as it was', () => {
    expect(snapshot(DATA_DIR)).toEqual(curated);
    expect(statSync(DATA_DIR).isDirectory()).toBe(true);
  });

  it('credits every copy to its own claimants: claims, co-claimants and readings agree, no curated claimant speaks in a copy', () => {
    const { dataset } = writeAndLoad(100, 1);
    const original = loadDataset(DATA_DIR);
    const curatedIds = new Set(original.claimants.map((claimant) => claimant.id));
    const claimantsOf = new Map(
      dataset.claims.map((claim) => [claim.id, [claim.claimant_id, ...claim.co_claimant_ids]]),
    );
    const copies = dataset.claims.filter((claim) => /-s\d+$/.test(claim.id));
    expect(copies.length).toBe(2900 - 29);
    // Only the unattributed claimant, which has no clones, is shared with the curated rows.
    const shared = (ids: readonly string[]) => ids.filter((id) => curatedIds.has(id) && id !== 'unattributed');
    for (const claim of copies) expect(shared(claimantsOf.get(claim.id)!), claim.id).toEqual([]);
    const copiedReadings = dataset.readings.filter((reading) => /-s\d+$/.test(reading.claim_id));
    expect(copiedReadings.some((reading) => reading.claimant_ids.length > 0)).toBe(true);
    for (const reading of copiedReadings) expect(shared(reading.claimant_ids), reading.claim_id).toEqual([]);
    // A copy's reading credits the clone of the claimant the curated reading credits.
    const cloneOf = (id: string) => id.replace(/-s\d+$/, '');
    for (const reading of copiedReadings) {
      const template = original.readings.find(
        (other) => other.claim_id === cloneOf(reading.claim_id) && other.reading_id === reading.reading_id,
      )!;
      expect(reading.claimant_ids.map(cloneOf)).toEqual(template.claimant_ids);
    }
  });

  it('keeps every qualifier of the claim it copies, so the quote and the hedge agree', () => {
    const { dataset } = writeAndLoad(10, 1);
    const qualifierOf = new Map(dataset.claims.map((claim) => [claim.id, claim.qualifier]));
    for (const claim of dataset.claims)
      expect(claim.qualifier, claim.id).toBe(qualifierOf.get(claim.id.replace(/-s\d+$/, '')));
  });

  it('moves the years in text with the dates: a reading label, notes and event text', () => {
    const { dataset } = writeAndLoad(10, 1);
    const twoYears = dataset.readings.filter((reading) => reading.reading_id === 'past-two-years');
    expect(twoYears.length).toBe(10);
    for (const reading of twoYears) {
      const claim = dataset.claims.find((other) => other.id === reading.claim_id)!;
      const year = Number(claim.claimed_on.slice(0, 4));
      expect(reading.label).toBe(`over the past two years (Dec ${year - 2} to Dec ${year})`);
    }
    expect(shiftYearsInText('from December 2021 to December 2023, in the 2020 election', 2)).toBe(
      'from December 2023 to December 2025, in the 2020 election',
    );
    expect(shiftYearsInText('since the February 2021 coup; the 2021 coup; 1 Feb. 2021', 1)).toBe(
      'since the February 2021 coup; the 2021 coup; 1 Feb. 2021',
    );
    expect(shiftYearsInText('20,000 in 2022', 0)).toBe('20,000 in 2022');
  });

  it('numbers clone short names within the validator’s 20 characters, dropping whole words', () => {
    expect(numberedShortName('Police CDM Channel', 11)).toBe('Police CDM 11');
    expect(numberedShortName('Anti-junta alliance', 14)).toBe('Anti-junta 14');
    expect(numberedShortName('NUG', 1)).toBe('NUG 1');
    expect(numberedShortName('Extraordinarilylongname group', 7)).toBe('EG 7');
    const { dataset } = writeAndLoad(100, 1);
    const original = loadDataset(DATA_DIR);
    const templateOf = new Map(original.claimants.map((claimant) => [claimant.id, claimant.short_name]));
    for (const claimant of dataset.claimants) {
      expect(claimant.short_name.length, claimant.id).toBeLessThanOrEqual(20);
      const template = templateOf.get(claimant.id.replace(/-s\d+$/, ''))!;
      const words = claimant.short_name.replace(/ \d+$/, '');
      // Whole words of the template's name, from its start.
      expect(`${template} `.startsWith(`${words} `), claimant.short_name).toBe(true);
    }
  });

  it('moves dates by whole years, keeping the coup, month-only dates and empty cells', () => {
    expect(shiftYears('2023-11-17', 2)).toBe('2025-11-17');
    expect(shiftYears('2023-08', 1)).toBe('2024-08');
    expect(shiftYears('2021-02-01', 2)).toBe('2021-02-01');
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('', 1)).toBe('');
  });
});

describe('writeData', () => {
  // Folders whose writing, were the guard to fail, would harm nothing tracked: data/x/ and test-output/.
  it.each([join('data', 'x'), join('test-output', 'synthetic')])('refuses to write into the project (%s)', (folder) => {
    expect(() => writeData(folder, generateData(1, 1))).toThrow(
      /refusing to write synthetic data into .*choose a folder outside the project/,
    );
    expect(existsSync(folder)).toBe(false);
  });
});
