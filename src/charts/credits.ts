/**
 * Who a chart credits: the outlets whose articles its rows come from and the claimants whose
 * figures it draws, in data order. Pages, embeds, images and downloads all print these.
 */
import { mustGet } from './data.ts';
import { claimantIdsIn, claimantIdsOf, formatNumber } from '../lib/format.ts';
import { mostCited } from './scale.ts';
import type { AnyChart, ChartData } from './types.ts';
import type { Claimant, Source } from '../lib/types.ts';

export interface ChartCredits {
  sources: Source[];
  claimants: Claimant[];
  claimIds: string[];
  /** How many of the chart's figures each claimant is credited with, by claimant id. */
  figuresBy: Map<string, number>;
}

export function chartCredits(chart: AnyChart, data: ChartData): ChartCredits {
  const claimIds = [...new Set(chart.rows(data).flatMap((row) => chart.claimIds(row)))];
  const claims = claimIds.map((id) => mustGet(data.claimById, id, 'claim'));
  const sourceIds = new Set(claims.map((claim) => claim.source_id));
  // Co-claimants too: a figure credited jointly is credited to every party the article names.
  const claimantIds = claimantIdsIn(claims);
  const figuresBy = new Map<string, number>();
  for (const id of claims.flatMap(claimantIdsOf)) figuresBy.set(id, (figuresBy.get(id) ?? 0) + 1);
  return {
    claimIds,
    figuresBy,
    sources: data.sources.filter((source) => sourceIds.has(source.id)),
    claimants: data.claimants.filter((claimant) => claimantIds.has(claimant.id)),
  };
}

/** One piece of the credit line: plain text, or an outlet with the article(s) it links to. */
export interface CreditSegment {
  text: string;
  /** The outlet's articles this chart draws on, when the segment is an outlet's name. */
  sources?: Source[];
}

/**
 * The claimants a credit names: every one, or past OWN_ROWS (far more than the curated data has)
 * those with the most figures in the chart, in data order, and the rest counted ("68 other
 * claimants"), as the charts do; the chart's table and CSV credit every figure.
 */
export function creditedClaimants(
  credits: ChartCredits,
  form: 'name' | 'short_name' = 'name',
): { named: string[]; others: string | null } {
  const { own, rest } = mostCited(credits.claimants, (claimant) => credits.figuresBy.get(claimant.id) ?? 0);
  return {
    named: own.map((claimant) => claimant[form]),
    others: rest.length ? `${formatNumber(rest.length)} other claimant${rest.length === 1 ? '' : 's'}` : null,
  };
}

/**
 * The credit line in pieces, so that pages can link each outlet to its report. Embeds, images and
 * downloads travel alone and name claimants in full; the explainer, where the text has already
 * introduced them, uses their short names.
 */
export function creditSegments(credits: ChartCredits, form: 'name' | 'short_name' = 'name'): CreditSegment[] {
  const outlets = [...new Set(credits.sources.map((source) => source.outlet))];
  const segments: CreditSegment[] = [{ text: 'Sources: ' }];
  outlets.forEach((outlet, index) => {
    if (index > 0) segments.push({ text: ', ' });
    segments.push({ text: outlet, sources: credits.sources.filter((source) => source.outlet === outlet) });
  });
  const { named, others } = creditedClaimants(credits, form);
  segments.push({ text: `. Figures claimed by ${named.join(', ')}${others ? ` and ${others}` : ''}.` });
  return segments;
}

/** "Sources: Radio Free Asia, The Irrawaddy. Figures claimed by: NUG, People's Embrace." */
export function creditLine(credits: ChartCredits): string {
  return creditSegments(credits)
    .map((segment) => segment.text)
    .join('');
}

export const UNVERIFIED_NOTE = 'All figures are claims by the parties named; none has been independently verified.';
