/**
 * What a claim's page shows beyond the claim's own row: the charts that draw it (from the chart
 * registry, never a hand list), its readings, and the claims related to it by article, by claimant
 * and by data/relations.csv, read from either end.
 */
import { CHARTS } from '../charts/index.ts';
import type { AnyChart, ChartData } from '../charts/types.ts';
import { earliestDay } from '../lib/dates.ts';
import { claimantIdsOf, claimClause, formatFigure, formatMeasure } from '../lib/format.ts';
import { figureWordings } from '../lib/readings.ts';
import { creditedClaimantIds, readingsOfClaim } from '../lib/reading-index.ts';
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

/**
 * The claims credited to a claimant, alone, jointly or through one of a claim's wordings (EFE's
 * unnamed opposition sources and the lede's "around 750"), oldest first.
 */
export function claimsByClaimant(claimantId: string, data: ChartData): Claim[] {
  return data.claims.filter((claim) => creditedClaimantIds(claim, data.readings).includes(claimantId)).sort(byDate);
}

export function claimsFromSource(sourceId: string, data: ChartData): Claim[] {
  return [...(claimIndex(data).bySource.get(sourceId) ?? [])];
}

/**
 * How many claims by the same claimant a claim's page lists. At 100x the data one claimant has up
 * to 800 claims: listing them all on each of their claims' pages made the site quadratic (758,314
 * list items over 2,900 pages where the curated data has 74, at most 7 a page). The page lists the
 * ones nearest in date and links to each claimant's page, where every one of their claims is.
 */
export const SAME_CLAIMANT_LIMIT = 10;

/** Claims a claimant's page lists (the curated data's most is 8); past this, the latest, and a link to all. */
export const CLAIMANT_PAGE_LIMIT = 20;

/**
 * What a claimant's page lists of its claims (oldest first): all of them, or past
 * CLAIMANT_PAGE_LIMIT the latest that many, with how many are left out, so the page weighs the
 * same however many claims a claimant makes. The paged claims list holds every one.
 */
export function claimantPageClaims(claims: readonly Claim[]): { shown: Claim[]; left: number } {
  const shown = claims.slice(-CLAIMANT_PAGE_LIMIT);
  return { shown, left: claims.length - shown.length };
}

export interface RelatedClaims {
  /** Stated relations (relations.csv), from this claim's end. */
  stated: RelatedClaim[];
  /** Other claims in the same article, in file order. */
  sameArticle: Claim[];
  /** Other claims by any of its claimants from other articles, oldest first: the SAME_CLAIMANT_LIMIT nearest in date. */
  sameClaimant: Claim[];
  /** How many claims by its claimants other articles have in all (sameClaimant may list fewer). */
  sameClaimantTotal: number;
}

interface ClaimIndex {
  bySource: Map<string, Claim[]>;
  byClaimant: Map<string, Claim[]>;
  /** Each claim's row in claims.csv, to break ties as the file orders them. */
  row: Map<Claim, number>;
}

const claimIndexes = new WeakMap<ChartData, ClaimIndex>();

/** The claims by source and by claimant (filed or joint), in file order, built once per dataset. */
function claimIndex(data: ChartData): ClaimIndex {
  let index = claimIndexes.get(data);
  if (!index) {
    index = { bySource: new Map(), byClaimant: new Map(), row: new Map() };
    const add = (map: Map<string, Claim[]>, key: string, claim: Claim) => {
      const claims = map.get(key);
      if (claims) claims.push(claim);
      else map.set(key, [claim]);
    };
    for (const [row, claim] of data.claims.entries()) {
      index.row.set(claim, row);
      add(index.bySource, claim.source_id, claim);
      for (const id of new Set(claimantIdsOf(claim))) add(index.byClaimant, id, claim);
    }
    claimIndexes.set(data, index);
  }
  return index;
}

export function relatedClaims(claim: Claim, data: ChartData): RelatedClaims {
  const index = claimIndex(data);
  const others = new Set<Claim>();
  for (const id of claimantIdsOf(claim))
    for (const other of index.byClaimant.get(id) ?? []) if (other.source_id !== claim.source_id) others.add(other);
  const day = earliestDay(claim.claimed_on);
  const distance = (other: Claim) => Math.abs(earliestDay(other.claimed_on) - day);
  const row = (other: Claim) => index.row.get(other) ?? 0;
  // Nearest in date first, ties in file order, so the choice never varies; then listed oldest first.
  const nearest = [...others]
    .sort((a, b) => distance(a) - distance(b) || row(a) - row(b))
    .slice(0, SAME_CLAIMANT_LIMIT)
    .sort((a, b) => byDate(a, b) || row(a) - row(b));
  return {
    stated: relationsOf(claim.id, data.relations),
    sameArticle: (index.bySource.get(claim.source_id) ?? []).filter((other) => other.id !== claim.id),
    sameClaimant: nearest,
    sameClaimantTotal: others.size,
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
