import { describe, expect, it } from 'vitest';
import { openSpans } from '../../src/charts/keepout.ts';

describe('openSpans', () => {
  const label = { left: 10, right: 50, top: 40, bottom: 60 };
  it('cuts a rule where it crosses a label, and only there', () => {
    expect(openSpans(0, 100, 20, 20, [label])).toEqual([
      [0, 40],
      [60, 100],
    ]);
    expect(openSpans(0, 100, 70, 70, [label])).toEqual([[0, 100]]);
  });
  it('merges overlapping keepouts and drops stubs', () => {
    const below = { left: 0, right: 30, top: 55, bottom: 99 };
    expect(openSpans(0, 100, 20, 20, [label, below])).toEqual([[0, 40]]);
  });
  it('cuts a band across its whole width', () => {
    expect(openSpans(0, 100, 45, 70, [label])).toEqual([
      [0, 40],
      [60, 100],
    ]);
  });
});
