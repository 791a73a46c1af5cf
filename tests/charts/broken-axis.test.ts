import { describe, expect, it } from 'vitest';
import { brokenTimeAxis } from '../../src/charts/broken-axis.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('brokenTimeAxis', () => {
  // Feb 2021 to Jan 2024 over 0-300 px, marks in Sept 2021 and Aug 2023: 2022 holds none.
  const axis = brokenTimeAxis(day('2021-02-01'), day('2024-01-01'), [day('2021-09-07'), day('2023-08-01')], 0, 300, 30);

  it('squeezes only the empty year, to the gap asked for', () => {
    expect(axis.breaks.map((entry) => entry.from.getUTCFullYear())).toEqual([2022]);
    const [gap] = axis.breaks;
    expect(gap!.right - gap!.left).toBeCloseTo(30);
  });

  it('keeps one scale for the years it draws', () => {
    // 2021 from 1 Feb is 334 days, 2023 is 365: 270 px shared in proportion.
    const perDay = 270 / (334 + 365);
    expect(axis.xOf(day('2022-01-01'))).toBeCloseTo(334 * perDay, 3);
    expect(axis.xOf(day('2023-07-02')) - axis.xOf(day('2023-01-01'))).toBeCloseTo(182 * perDay, 3);
    expect(axis.xOf(day('2024-01-01'))).toBeCloseTo(300);
  });

  it('maps px back to the same dates', () => {
    for (const iso of ['2021-03-01', '2021-12-31', '2023-10-27']) {
      expect(Math.abs(axis.dateOf(axis.xOf(day(iso))).getTime() - day(iso).getTime())).toBeLessThan(1000);
    }
  });

  it('breaks nothing when every year between the ends holds a mark', () => {
    const full = brokenTimeAxis(
      day('2021-02-01'),
      day('2024-01-01'),
      [day('2022-05-01'), day('2023-05-01')],
      0,
      300,
      30,
    );
    expect(full.breaks).toEqual([]);
    expect(full.domain).toHaveLength(2);
  });
});
