/**
 * The image alt text of every chart (static PNG, embeds, oEmbed) is capped at 1,000 characters. It
 * must end whole: a complete sentence, then the disclaimer, never a description cut mid-way. For
 * the arithmetic checks, whose full description runs long, the shorter summary must fit whole, so
 * that every check's answer is in it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { chartFacts } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { checkRows } from '../../src/charts/arithmetic-checks.ts';
import { loadDataset } from '../../src/lib/dataset.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('the image alt text of %s', (_id, chart) => {
  const alt = chartFacts(chart, data).altText;

  it('is at most 1,000 characters and ends with a complete sentence and the disclaimer', () => {
    expect(alt.length).toBeLessThanOrEqual(1000);
    expect(alt).toMatch(/[.?!] These are unverified claims\.$/);
    // The sentence before the disclaimer names the outlets: the description was not cut into it.
    expect(alt).toMatch(/Reported by [^.]+\. These are unverified claims\.$/);
  });

  if (chart.summarise) {
    it('keeps every sentence of its summary', () => {
      const summary = chart.summarise!(data);
      expect(alt.startsWith(summary)).toBe(true);
    });
  }
});

describe('the arithmetic checks alt text', () => {
  const chart = CHARTS.find((entry) => entry.id === 'do-the-numbers-add-up')!;
  const alt = chartFacts(chart, data).altText;

  it("gives every check's question and answer", () => {
    for (const row of checkRows(data)) {
      expect(alt).toContain(row.title);
      expect(alt).toContain(`: ${row.differenceText}, `);
    }
  });

  it("gives check b's result under every reading: 462, or 561 to 594, and +9 to +141", () => {
    expect(alt).toContain('= 462, or 561 to 594');
    expect(alt).toContain('+9 to +141');
  });
});
