/**
 * The chart registry: the one list that pages, embeds, downloads and snapshot tests iterate.
 * Adding a chart is adding its module and one line here.
 */
import cumulativeClaims from './cumulative-claims.ts';
import impliedDailyRates from './implied-daily-rates.ts';
import whoIsCounting from './who-is-counting.ts';
import arithmeticChecks from './arithmetic-checks.ts';
import timeline from './timeline.ts';
import type { AnyChart } from './types.ts';

export const CHARTS: readonly AnyChart[] = [
  cumulativeClaims,
  timeline,
  impliedDailyRates,
  whoIsCounting,
  arithmeticChecks,
];

export function chartById(id: string): AnyChart {
  const chart = CHARTS.find((candidate) => candidate.id === id);
  if (!chart) throw new Error(`No chart "${id}" in the registry (src/charts/index.ts)`);
  return chart;
}
