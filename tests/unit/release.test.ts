import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataRelease } from '../../src/lib/release.ts';

describe('dataRelease', () => {
  it('takes the first and newest dates of the changelog, list items and table rows alike', () => {
    const readme = [
      '# Data',
      '- 2020-01-01: a dated line above the changelog does not count',
      '## Changelog',
      '- 2026-11-25: first release',
      '| 2026-12-02 | nug-defected-453-2021-09 | action | defected | answered_call |',
      '- 2026-11-30: a correction',
    ].join('\n');
    expect(dataRelease(readme)).toEqual({ firstPublished: '2026-11-25', version: '2026-12-02' });
  });

  it('fails with a message saying what is missing', () => {
    expect(() => dataRelease('# Data\n')).toThrow(/no "## Changelog" section/);
    expect(() => dataRelease('## Changelog\n\nnothing dated\n')).toThrow(/no dated entry/);
  });

  it('reads the real changelog', () => {
    const release = dataRelease(readFileSync('data/README.md', 'utf8'));
    expect(release.firstPublished).toBe('2026-11-25');
    expect(release.version >= release.firstPublished).toBe(true);
  });
});
