/**
 * What a claim's page shows beyond the claim's own row: the charts that draw it (from the chart
 * registry, never a hand list), its readings, and the claims related to it by article, by claimant
 * and by data/relations.csv, read from either end.
 */
import { CHARTS } from '../charts/index.ts';
import type { AnyChart, ChartData } from '../charts/types.ts';
import { earliestDay } from '../lib/dates.ts';
import { claimClause, formatFigure, formatMeasure } from '../lib/format.ts';
import { figureWordings } from '../lib/readings.ts';
import { readingsOfClaim } from '../lib/reading-index.ts';
import { relationsOf, type RelatedClaim } from '../lib/relations.ts';
import type { Claim, Reading } from '../lib/types.ts';

const drawnBy = new WeakMap<ChartData, Map<string, AnyChart[]>>();

/** The charts whose rows stand for the claim, in registry order. Computed once per dataset. */
export function chartsDrawing(claimId: string, data: ChartData): AnyChart[] {
  let index = drawnBy.get(data);
  if (!index) {
    index = new Map();
    for (const chart of CHARTS) {
      const ids = new Set(chart.rows(data).flatMap((row) => chart.claimIds(row)));
      for (const id of ids) index.set(id, [...(index.get(id) ?? []), chart]);
    }
    drawnBy.set(data, index);
  }
  return index.get(claimId) ?? [];
}

export function readingsOf(claimId: string, data: ChartData): Reading[] {
  return [...readingsOfClaim(claimId, data.readings)];
}

const byDate = (a: Claim, b: Claim) => earliestDay(a.claimed_on) - earliestDay(b.claimed_on);

/** Every claimant a claim is credited to, filed or joint. */
export function claimantIdsOf(claim: Pick<Claim, 'claimant_id' | 'co_claimant_ids'>): string[] {
  return [claim.claimant_id, ...claim.co_claimant_ids];
}

/** The claims credited to a claimant, alone or jointly, oldest first. */
export function claimsByClaimant(claimantId: string, data: ChartData): Claim[] {
  // A claim one of whose wordings the article credits to this claimant counts as theirs too (EFE's
  // unnamed opposition sources and the lede's "around 750").
  const credited = new Set(
    data.readings.filter((reading) => reading.claimant_ids.includes(claimantId)).map((reading) => reading.claim_id),
  );
  return data.claims
    .filter((claim) => claimantIdsOf(claim).includes(claimantId) || credited.has(claim.id))
    .sort(byDate);
}

export function claimsFromSource(sourceId: string, data: ChartData): Claim[] {
  return data.claims.filter((claim) => claim.source_id === sourceId);
}

export interface RelatedClaims {
  /** Stated relations (relations.csv), from this claim's end. */
  stated: RelatedClaim[];
  /** Other claims in the same article, in file order. */
  sameArticle: Claim[];
  /** Other claims by any of its claimants from other articles, oldest first. */
  sameClaimant: Claim[];
}

export function relatedClaims(claim: Claim, data: ChartData): RelatedClaims {
  const claimants = new Set(claimantIdsOf(claim));
  return {
    stated: relationsOf(claim.id, data.relations),
    sameArticle: data.claims.filter((other) => other.id !== claim.id && other.source_id === claim.source_id),
    sameClaimant: data.claims
      .filter(
        (other) =>
          other.id !== claim.id &&
          other.source_id !== claim.source_id &&
          claimantIdsOf(other).some((id) => claimants.has(id)),
      )
      .sort(byDate),
  };
}

/** Puts every wording the claim's readings give in place of its coded figure: "at least 750 or around 750". */
function withEveryWording(text: string, claim: Claim, data: ChartData): string {
  const figure = formatFigure(claim);
  return claim.figure === null ? text : text.replace(figure, figureWordings(claim, data.readings, data.claimants));
}

/** The claim as a sentence, capitalised, in every wording: "At least 750 or around 750 security forces deserted". */
export function claimHeadline(claim: Claim, data: ChartData): string {
  const clause = withEveryWording(claimClause(claim), claim, data);
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}`;
}

/** The figure with its hedge and measure, in every wording: "at least 750 or around 750 deserted". */
export function claimMeasure(claim: Claim, data: ChartData): string {
  return withEveryWording(formatMeasure(claim), claim, data);
}
