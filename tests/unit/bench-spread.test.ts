/**
 * The bench's timings are medians of several runs with their min and max (bench/measure.ts), and
 * Lighthouse's scores too (bench/lighthouse.ts): one run on a loaded machine gave the home page a
 * performance of 79 where an idle one gives 100.
 */
import { describe, expect, it } from 'vitest';
import { summariseLighthouse, type LighthouseResult } from '../../bench/lighthouse.ts';
import { formatSpread, spread } from '../../bench/measure.ts';

const run = (performance: number, fcpMs: number, shortfalls: string[] = []): LighthouseResult => ({
  scores: { performance, accessibility: 100, 'best-practices': 100, seo: null as unknown as number },
  shortfalls,
  metrics: { fcpMs, lcpMs: fcpMs + 100, tbtMs: 0, totalBytes: 46_500 },
});

describe('bench spreads', () => {
  it('give the median, min and max of the runs, ignoring runs that measured nothing', () => {
    expect(spread([1300, 1900, 1250])).toEqual({ median: 1300, min: 1250, max: 1900, runs: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
    expect(spread([10, Number.NaN, 30])).toEqual({ median: 20, min: 10, max: 30, runs: 2 });
    expect(formatSpread(spread([1864.4, 1700, 2400]))).toBe('1,864 ms (1,700–2,400)');
  });

  it('summarise Lighthouse runs per score and metric, with every shortfall once', () => {
    const summary = summariseLighthouse(
      [run(100, 1800), run(79, 2600, ['performance: lcp']), run(98, 1900, ['performance: lcp'])],
      [2.1, 12.5, 9.8],
    );
    expect(summary.runs).toBe(3);
    expect(summary.scores.performance).toEqual({ median: 98, min: 79, max: 100, runs: 3 });
    expect(summary.scores.accessibility.median).toBe(100);
    expect(summary.scores.seo.runs).toBe(0);
    expect(summary.metrics.fcpMs).toEqual({ median: 1900, min: 1800, max: 2600, runs: 3 });
    expect(summary.shortfalls).toEqual(['performance: lcp']);
    expect(summary.loadAverages).toEqual([2.1, 12.5, 9.8]);
  });
});
