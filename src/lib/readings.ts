/**
 * Every admissible reading of a claim. Where an article allows a figure to be read two ways (a
 * window of "two weeks" or "since 7 Sept"; "around 750" in the lede, "at least 750" in the body),
 * data/readings.csv lists each reading, and every derivation runs once per reading, so a derived
 * figure is the range its readings span rather than the one reading we happened to prefer.
 */
import { claimantIdsOf, formatClaimants, formatFigure } from './format.ts';
import { formatPeriod } from './dates.ts';
import { readingsOfClaim } from './reading-index.ts';
import type { Claim, Claimant, Reading } from './types.ts';

/** A claim as one reading has it: the claim's row with the reading's fields put in. */
export interface ReadClaim {
  claim: Claim;
  /** null for a claim with no rows in readings.csv: its own row is its only reading. */
  readingId: string | null;
  /** "over two weeks (14 days)"; "as coded" for a claim with one reading. */
  label: string;
}

export const AS_CODED = 'as coded';

/**
 * The claim under one reading. The three period columns travel together (a reading that counts
 * "since 7 Sept" must drop the "two weeks" the row states), while an empty qualifier or scope keeps
 * the claim's own.
 */
export function applyReading(claim: Claim, reading: Reading): Claim {
  const [claimant, ...coClaimants] = reading.claimant_ids;
  return {
    ...claim,
    // A reading credited to someone else (EFE's lede: "opposition sources said") carries its own
    // claimants, so every wording of the figure is shown with whoever the article gives it to.
    ...(claimant ? { claimant_id: claimant, co_claimant_ids: coClaimants } : {}),
    qualifier: reading.qualifier ?? claim.qualifier,
    scope: reading.scope ?? claim.scope,
    period_start: reading.period_start,
    period_end: reading.period_end,
    stated_days: reading.stated_days,
  };
}

/** Every reading of a claim, in the order readings.csv lists them; the claim as coded when it has none. */
export function readingsOf(claim: Claim, readings: readonly Reading[]): ReadClaim[] {
  const own = readingsOfClaim(claim.id, readings);
  if (own.length === 0) return [{ claim, readingId: null, label: AS_CODED }];
  return own.map((reading) => ({
    claim: applyReading(claim, reading),
    readingId: reading.reading_id,
    label: reading.label,
  }));
}

/** Whether the article allows more than one reading of the claim. */
export function hasReadings(claim: Claim, readings: readonly Reading[]): boolean {
  return readingsOfClaim(claim.id, readings).length > 0;
}

/** Whether the article credits the claim's readings to different people (EFE's lede and body). */
export function readingsDifferInClaimants(claim: Claim, readings: readonly Reading[]): boolean {
  const keys = readingsOf(claim, readings).map((read) => claimantKey(read.claim));
  return new Set([claimantKey(claim), ...keys]).size > 1;
}

function claimantKey(claim: Pick<Claim, 'claimant_id' | 'co_claimant_ids'>): string {
  return claimantIdsOf(claim).sort().join(' ');
}

/**
 * The figure in every wording its readings give, for wherever it is headlined: "453" when they
 * agree; "at least 750 or around 750" when they differ; and, when the article credits the wordings
 * to different people, each with whoever says it: "at least 750 (Anti-junta alliance) or around 750
 * (Opposition sources)". Charts pass their claimants and get the credits with no code of their own.
 */
export function figureWordings(
  claim: Claim,
  readings: readonly Reading[],
  claimants: readonly Claimant[],
  form: 'name' | 'short_name' | 'none' = 'short_name',
): string {
  // The readings only (a claim without any reads as coded): the row's own wording is one of them,
  // and its claimants, filed under every party, would credit that wording to all of them.
  const reads = readingsOf(claim, readings).map((read) => read.claim);
  // 'none' is for a figure whose credits are printed right beside it (the explainer's headline cards).
  const credit = form === 'none' || !readingsDifferInClaimants(claim, readings) ? null : form;
  const wordings = reads.map((read) =>
    credit ? `${formatFigure(read)} (${formatClaimants(read, claimants, credit)})` : formatFigure(read),
  );
  return [...new Set(wordings)].join(' or ');
}

/**
 * The one way a claim's period is worded wherever the claim appears: under every reading the article
 * allows ("a running total since the coup (our inference) or over the past two years (Dec 2021 to
 * Dec 2023)"), so no card, table cell or label shows one reading as if it were the only one. When the
 * article credits the readings to different people, each says whose it is ("..., according to the
 * Opposition sources"). A claim with one reading gets `single`, the caller's usual wording of its row.
 */
export function periodWordings(
  claim: Claim,
  readings: readonly Reading[],
  claimants: readonly Claimant[],
  single: (claim: Claim) => string = (own) => formatPeriod(own.period_start, own.period_end) ?? '—',
): string {
  if (!hasReadings(claim, readings)) return single(claim);
  const credited = readingsDifferInClaimants(claim, readings);
  return readingsOf(claim, readings)
    .map((read) => {
      // readings.csv's labels name whose wording a credited reading is; one that does not gets it here.
      const who = formatClaimants(read.claim, claimants, 'short_name');
      const named = !credited || read.label.toLowerCase().includes(who.toLowerCase());
      return named ? read.label : `${read.label}, according to ${who}`;
    })
    .join(' or ');
}
