/**
 * The published Data Package (test-output/dist/data/, built once by global-setup.ts), checked with
 * the Frictionless Data reference library for JavaScript (`datapackage` on npm): the descriptor is
 * valid against the Tabular Data Package profile, and every row of every resource casts against its
 * Table Schema, foreign keys resolved. Our own checks add what the library does not: the stated
 * bytes and hashes match the files served, and the files are UTF-8 without a BOM, with LF endings.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRelease } from '../../src/lib/release.ts';
import { DATA_FILES, MAX_LENGTHS } from '../../src/lib/schema.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

// The library ships CommonJS without types; only the calls below are used.
interface FrictionlessResource {
  name: string;
  read(options: { cast: boolean; relations: boolean; keyed: boolean }): Promise<Record<string, unknown>[]>;
}
interface FrictionlessPackage {
  valid: boolean;
  errors: Error[];
  resources: FrictionlessResource[];
}
const { Package } = createRequire(import.meta.url)('datapackage') as {
  Package: { load(descriptor: string, options: { strict: boolean }): Promise<FrictionlessPackage> };
};

const DATA_DIR = join(BUILT_SITE, 'data');
const descriptor = JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8')) as {
  version: string;
  created: string;
  resources: {
    name: string;
    path: string;
    bytes: number;
    hash: string;
    schema: { fields: { name: string; type: string; constraints: { maxLength?: number; pattern?: string } }[] };
  }[];
};

describe('the published Data Package', () => {
  it('is valid for the Frictionless library, and every row of every resource casts, keys resolved', async () => {
    const dataPackage = await Package.load(join(DATA_DIR, 'datapackage.json'), { strict: false });
    expect(dataPackage.errors.map(String)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    expect(dataPackage.resources.map((resource) => resource.name)).toEqual(Object.keys(DATA_FILES));
    for (const resource of dataPackage.resources) {
      // relations: true resolves every foreign key and throws on a value with no row to point to.
      const rows = await resource.read({ cast: true, relations: true, keyed: true });
      const file = DATA_FILES[resource.name as keyof typeof DATA_FILES].file;
      const lines = readFileSync(join(PROJECT_ROOT, 'data', file), 'utf8')
        .trim()
        .split('\n');
      // No cell of data/ spans lines (the build rejects line breaks in cells), so rows = lines - header.
      expect(rows, resource.name).toHaveLength(lines.length - 1);
    }
  });

  it('states bytes and a sha256 hash that match each file as served, which is UTF-8 without BOM, with LF', () => {
    for (const resource of descriptor.resources) {
      const served = readFileSync(join(DATA_DIR, resource.path));
      expect(resource.bytes, resource.path).toBe(served.length);
      expect(resource.hash, resource.path).toBe(`sha256:${createHash('sha256').update(served).digest('hex')}`);
      expect([...served.subarray(0, 3)], resource.path).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(served.includes(0x0d), resource.path).toBe(false);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(served)).not.toThrow();
    }
  });

  it('is versioned by the data release, with a full ISO date-time derived from it', () => {
    const release = dataRelease(readFileSync(join(PROJECT_ROOT, 'data', 'README.md'), 'utf8'));
    expect(descriptor.version).toBe(release.version);
    expect(descriptor.created).toBe(`${release.version}T00:00:00Z`);
    expect(new Date(descriptor.created).toISOString()).toBe(`${release.version}T00:00:00.000Z`);
  });

  it('publishes the build’s maximum length for every text column, and a date pattern that rejects 2023-13-45', () => {
    for (const resource of descriptor.resources) {
      const limits = MAX_LENGTHS[resource.path] ?? {};
      for (const field of resource.schema.fields) {
        expect(field.constraints.maxLength, `${resource.path} ${field.name}`).toBe(limits[field.name]?.max);
      }
    }
    const claimedOn = descriptor.resources
      .find((resource) => resource.name === 'claims')
      ?.schema.fields.find((field) => field.name === 'claimed_on');
    // Table Schema patterns match the whole value (XML Schema regular expressions).
    const pattern = new RegExp(`^(?:${claimedOn?.constraints.pattern})$`);
    expect(['2023', '2023-08', '2023-08-31', '2021-02-01'].filter((date) => pattern.test(date))).toHaveLength(4);
    expect(
      ['2023-13-45', '2023-13', '2023-00', '2023-08-00', '2023-08-32', '23-08'].filter((d) => pattern.test(d)),
    ).toEqual([]);
  });
});
