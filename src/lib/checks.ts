/**
 * The arithmetic the 2021 articles invite: sums and ratios a careful reader can do with the figures
 * printed side by side, and how far each result lands from the figure the article states.
 *
 * Every input keeps its hedge: "about 1,500" enters a sum as 1,350 to 1,650 (see figureRange), so
 * a result is a point (the figures as printed) inside a range (everything the hedges allow). A
 * difference is always the computed point minus the claimed point; whether that difference matters
 * is for the ranges to say, which is why both travel together.
 *
 * These sums are the article's own arithmetic (it adds the 453 to the earlier counts to reach about
 * 3,000 and calls the 453 a 20% rise), so they combine what the article combines. They are checks of
 * one article against itself, not rates or differences of ours, and the rules of eligibility.ts
 * for those do not apply; each check therefore reads claims from one article only, and throws if a
 * correction ever makes it read two.
 *
 * Pure functions of the claims; a claim the check needs and cannot find is a programming or data
 * error, so it throws with the missing id rather than quietly computing with less.
 */
import { claimRange, periodDays, type Range } from './derive.ts';
import { readingsOf } from './readings.ts';
import { capitalise, formatClaimants, formatDifference, formatFigure, formatNumber, formatRange } from './format.ts';
import type { Claim, Claimant, Reading } from './types.ts';

/** A value as printed (point) together with every value its hedges allow (low to high). */
export interface Estimate extends Range {
  point: number;
}

export type CheckUnit = 'people' | 'percent';

export interface ArithmeticCheck {
  id: 'parts-vs-total' | 'rate-vs-count' | 'percent-rise' | 'breakdown-vs-total';
  /** A question a reader would ask, short enough for a chart panel. */
  title: string;
  unit: CheckUnit;
  /** The sum itself, short enough for a chart line: "around 1,500 + around 1,000 + 453 = 2,953". */
  working: string;
  /** What the other figures add up to. */
  computed: Estimate;
  /** The figure the article states for the same thing. */
  claimed: Estimate;
  /** computed.point − claimed.point, in the check's unit (percentage points for percent). */
  difference: number;
  /**
   * The difference under every admissible reading of the inputs' windows, smallest to largest: for
   * the 33 a day against the 453, +9 (14 days) to +141 (18 days). Equal to `difference` at both ends
   * when the article allows one reading.
   */
  differences: { low: number; high: number };
  /**
   * What the inputs give under each admissible reading, in readings.csv order, when there is more
   * than one: for the 33 a day, 462 (14 days) and 561 to 594 (17 to 18 days). Absent otherwise. The
   * values between the readings are not results of any reading, so a chart draws these apart.
   */
  byReading?: { label: string; low: number; high: number | null }[];
  /** The working and the verdict in plain words, with the numbers. */
  explanation: string;
  /** Every claim the check reads, inputs first and the claimed figure last. */
  claimIds: string[];
}

export interface PercentRiseCheck extends ArithmeticCheck {
  id: 'percent-rise';
  /** The earlier total that the claimed percentage would need: the new count divided by the claimed share. */
  impliedBase: number;
}

/** The claims each check reads, by role. The ids are stable (data/README.md), so they can live in code. */
export const CHECK_CLAIM_IDS = {
  soldiersBeforeAppeal: 'peoples-embrace-defected-1500-2021-09',
  policeBeforeAppeal: 'police-cdm-channel-defected-1000-2021-09',
  answeredAppeal: 'nug-defected-453-2021-09',
  totalAfterAppeal: 'nug-defected-3000-2021-09',
  contactsPerDay: 'nug-contacted-33-per-day-2021-09',
  percentRise: 'nug-defected-20-percent-2021-09',
  joinedCdm: 'police-cdm-channel-cdm-50-2021-09',
  waitingToLeave: 'police-cdm-channel-waiting-400-2021-09',
} as const;

function findClaim(claims: Claim[], id: string): Claim {
  const claim = claims.find((candidate) => candidate.id === id);
  if (claim === undefined) throw new Error(`The arithmetic checks need claim "${id}", which is not in the data`);
  return claim;
}

function figureOf(claim: Claim): number {
  if (claim.figure === null)
    throw new Error(`The arithmetic checks need a figure for claim "${claim.id}", which is vague`);
  return claim.figure;
}

/** The claim as an estimate: its printed figure and the range its qualifier allows. */
export function claimEstimate(claim: Claim): Estimate {
  return { point: figureOf(claim), ...claimRange(claim) };
}

export function exactEstimate(value: number): Estimate {
  return { point: value, low: value, high: value };
}

export function addEstimates(...terms: Estimate[]): Estimate {
  return {
    point: terms.reduce((sum, term) => sum + term.point, 0),
    low: terms.reduce((sum, term) => sum + term.low, 0),
    high: terms.some((term) => term.high === null) ? null : terms.reduce((sum, term) => sum + (term.high as number), 0),
  };
}

export function multiplyEstimates(a: Estimate, b: Estimate): Estimate {
  return {
    point: a.point * b.point,
    low: a.low * b.low,
    high: a.high === null || b.high === null ? null : a.high * b.high,
  };
}

/**
 * `part` as a percentage of `whole`, both non-negative. The lowest share is the smallest part over the
 * largest whole; an open-ended whole can make the share as small as zero.
 */
export function percentOf(part: Estimate, whole: Estimate): Estimate {
  if (whole.low <= 0) throw new RangeError('A percentage needs a whole above zero');
  return {
    point: (part.point / whole.point) * 100,
    low: whole.high === null ? 0 : (part.low / whole.high) * 100,
    high: part.high === null ? null : (part.high / whole.low) * 100,
  };
}

/** "453", "around 3,000": the figure as the article printed it, without its unit. */
function printed(claim: Claim): string {
  // Counts of people are the figures formatFigure writes with no unit.
  return formatFigure({ figure: figureOf(claim), qualifier: claim.qualifier, unit: 'people' });
}

const percentFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const shareFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A value in its check's unit: "2,953", "18.12%". */
export function formatValue(value: number, unit: CheckUnit): string {
  return unit === 'percent' ? `${percentFormat.format(value)}%` : formatNumber(value);
}

/** What an estimate's hedges allow: "2,655 to 3,251", "750 or more". */
export function formatEstimateRange(estimate: Estimate, unit: CheckUnit): string {
  return formatRange(estimate, (value) => formatValue(value, unit));
}

/** An estimate as printed, then what its hedges allow: "2,953 (2,655 to 3,251)"; a point alone: "462". */
export function formatEstimate(estimate: Estimate, unit: CheckUnit): string {
  const point = formatValue(estimate.point, unit);
  return estimate.high === estimate.low ? point : `${point} (${formatEstimateRange(estimate, unit)})`;
}

/** The computed minus the claimed figure: "−47", "+9", "−1.88 points" (percentages differ by points, not by percent). */
export function formatCheckDifference(check: Pick<ArithmeticCheck, 'differences' | 'unit'>): string {
  const one = (value: number) =>
    check.unit === 'percent'
      ? formatDifference(value, (part) => percentFormat.format(part))
      : formatDifference(value, formatNumber);
  const { low, high } = check.differences;
  const words = one(low) === one(high) ? one(low) : `${one(low)} to ${one(high)}`;
  return check.unit === 'percent' ? `${words} points` : words;
}

function contains(range: Range, value: number): boolean {
  return value >= range.low && (range.high === null || value <= range.high);
}

function overlaps(a: Range, b: Range): boolean {
  return (a.high === null || a.high >= b.low) && (b.high === null || b.high >= a.low);
}

/** One sentence on how the computed value sits against the claimed one, from the numbers rather than from us. */
function verdict(computed: Estimate, claimed: Estimate, unit: CheckUnit): string {
  const isPoint = (estimate: Estimate) => estimate.high === estimate.low;
  if (isPoint(claimed) && isPoint(computed)) {
    const difference = computed.point - claimed.point;
    if (difference === 0) return `That is exactly the ${formatValue(claimed.point, unit)} claimed.`;
    const share = shareFormat.format((Math.abs(difference) / claimed.point) * 100);
    return `That is ${formatValue(Math.abs(difference), unit)} ${difference > 0 ? 'more' : 'fewer'} than the ${formatValue(claimed.point, unit)} claimed, a gap of ${share}%.`;
  }
  if (isPoint(claimed)) {
    const where = contains(computed, claimed.point) ? 'inside' : 'outside';
    return `The claimed ${formatValue(claimed.point, unit)} lies ${where} what the hedged inputs allow (${formatEstimateRange(computed, unit)}).`;
  }
  const claimedRange = formatEstimateRange(claimed, unit);
  if (contains(claimed, computed.point)) return `That lies inside the ${claimedRange} the claim's hedge allows.`;
  if (overlaps(claimed, computed))
    return `That lies outside the ${claimedRange} the claim's hedge allows, but the two ranges overlap.`;
  return `That lies outside the ${claimedRange} the claim's hedge allows, and the ranges do not overlap.`;
}

/** Whether the hedged result and the hedged claim can describe the same number. */
export function isConsistent(check: Pick<ArithmeticCheck, 'computed' | 'claimed'>): boolean {
  return overlaps(check.computed, check.claimed);
}

/** Within this share of the claimed figure, a gap reads as rounding rather than as a different count. */
const ROUNDING_SHARE = 0.05;

function isWithinRounding(computed: Estimate, claimed: Estimate): boolean {
  return Math.abs(computed.point - claimed.point) <= ROUNDING_SHARE * claimed.point;
}

/**
 * Assembles a check: the difference from the two points, the explanation from our working, the
 * verdict the numbers give, and a reading of what that means, which may depend on the verdict.
 */
function buildCheck(
  fields: Omit<ArithmeticCheck, 'difference' | 'differences' | 'explanation' | 'working'>,
  formula: string,
  working: string,
  reading: (computed: Estimate, claimed: Estimate) => string = () => '',
  /** Given when the inputs have several readings: the verdict is then said per reading, by `reading`. */
  differences?: { low: number; high: number },
  /** The result as written after "=", when it is not the computed point alone. */
  result?: string,
): ArithmeticCheck {
  const { computed, claimed, unit } = fields;
  const overall = differences ? '' : verdict(computed, claimed, unit);
  const explanation = [capitalise(working), overall, reading(computed, claimed)].filter(Boolean).join(' ');
  const difference = computed.point - claimed.point;
  return {
    ...fields,
    working: `${formula} = ${result ?? formatValue(computed.point, unit)}`,
    difference,
    differences: differences ?? { low: difference, high: difference },
    explanation,
  };
}

/**
 * How many others a hedged total leaves room for beside a sum: "253 fewer to 347 more" (2,700 to
 * 3,300 against 2,953), "253 fewer or any number more" when the total has no upper bound.
 */
export function roomForOthers(sum: Estimate, total: Estimate): string {
  const fewer = Math.max(0, Math.round(sum.point - total.low));
  const more = total.high === null ? null : Math.max(0, Math.round(total.high - sum.point));
  const below = fewer === 0 ? 'none fewer' : `${formatNumber(fewer)} fewer`;
  return more === null ? `${below} or any number more` : `${below} to ${formatNumber(more)} more`;
}

/** a. About 1,500 soldiers and about 1,000 police before the appeal, plus 453 since: is that around 3,000? */
export function partsVsTotalCheck(claims: Claim[], claimants: readonly Claimant[]): ArithmeticCheck {
  const soldiers = findClaim(claims, CHECK_CLAIM_IDS.soldiersBeforeAppeal);
  const police = findClaim(claims, CHECK_CLAIM_IDS.policeBeforeAppeal);
  const answered = findClaim(claims, CHECK_CLAIM_IDS.answeredAppeal);
  const total = findClaim(claims, CHECK_CLAIM_IDS.totalAfterAppeal);
  const computed = addEstimates(claimEstimate(soldiers), claimEstimate(police), claimEstimate(answered));
  return buildCheck(
    {
      id: 'parts-vs-total',
      title: 'Do the parts add up to the total?',
      unit: 'people',
      computed,
      claimed: claimEstimate(total),
      claimIds: [soldiers.id, police.id, answered.id, total.id],
    },
    `${printed(soldiers)} + ${printed(police)} + ${printed(answered)}`,
    `${printed(soldiers)} soldiers and ${printed(police)} police before the appeal plus the ${printed(answered)} who answered it make ${formatNumber(computed.point)} (${formatEstimateRange(computed, 'people')} once the hedges are allowed for), against the new total of ${printed(total)} from ${formatClaimants(total, claimants, 'short_name')}.`,
    // Consistent is all a hedged total can be: around 3,000 (2,700 to 3,300) leaves room for
    // others added or counted out, so the sentence states that room rather than "nothing else added".
    (sum, total) =>
      isWithinRounding(sum, total)
        ? `So the new total is consistent with the earlier counts plus the ${printed(answered)}, but does not show that nothing else was added: its hedge leaves room for ${roomForOthers(sum, total)}.`
        : '',
  );
}

/**
 * b. 33 contacts a day over the window the 453 were counted in: how many is that? The article gives
 * the window two ways (two weeks; since the 7 Sept call), so the product spans both readings; the
 * point is the first reading readings.csv lists.
 */
export function rateVsCountCheck(claims: Claim[], readings: readonly Reading[] = []): ArithmeticCheck {
  const rate = findClaim(claims, CHECK_CLAIM_IDS.contactsPerDay);
  const count = findClaim(claims, CHECK_CLAIM_IDS.answeredAppeal);
  const windows = readingsOf(count, readings).flatMap((read) => {
    const days = periodDays(read.claim);
    return days === null ? [] : [{ label: read.label, days }];
  });
  const first = windows[0];
  if (first === undefined) throw new Error(`Claim "${count.id}" states no number of days to multiply the rate by`);
  const perDayRate = claimEstimate(rate);
  const products = windows.map((window) => ({
    ...window,
    low: perDayRate.low * window.days.min,
    high: perDayRate.high === null ? null : perDayRate.high * window.days.max,
  }));
  const claimed = claimEstimate(count);
  // The product at each end of each window, less the 453: 33 × 14 − 453 = +9, 33 × 17 − 453 = +108,
  // 33 × 18 − 453 = +141. The rate's own sentence counts "since ... Sept. 7", so no reading is left out.
  const byWindow = windows.map((window) => ({
    label: window.label,
    low: perDayRate.point * window.days.min - claimed.point,
    high: perDayRate.point * window.days.max - claimed.point,
  }));
  const differences = {
    low: Math.min(...byWindow.map((window) => window.low)),
    high: Math.max(...byWindow.map((window) => window.high)),
  };
  const computed: Estimate = {
    point: perDayRate.point * first.days.min,
    low: Math.min(...products.map((product) => product.low)),
    high: products.some((product) => product.high === null)
      ? null
      : Math.max(...products.map((product) => product.high as number)),
  };
  const dayWords = (days: { min: number; max: number }) =>
    days.min === days.max ? `${days.min} days` : `${days.min} to ${days.max} days`;
  // Each reading's label already says its days ("over two weeks (14 days)").
  const perReading = products
    .map(
      (product) =>
        `${product.label}: ${formatEstimateRange({ point: product.low, low: product.low, high: product.high }, 'people')}`,
    )
    .join('; ');
  // Every reading's result after the "=": "462, or 561 to 594".
  const results = products
    .map((product) => formatEstimateRange({ point: product.low, low: product.low, high: product.high }, 'people'))
    .join(', or ');
  const check = buildCheck(
    {
      id: 'rate-vs-count',
      title: `Does ${printed(rate)} a day make ${printed(count)}?`,
      unit: 'people',
      computed,
      claimed,
      claimIds: [rate.id, count.id],
    },
    `${printed(rate)} a day × ${dayWords(first.days)}${
      windows.length > 1
        ? ` (or ${windows
            .slice(1)
            .map((window) => dayWords(window.days))
            .join(' or ')})`
        : ''
    }`,
    `${printed(rate)} people a day contacting the NUG, over the window the ${printed(count)} were counted in, make ${perReading}.`,
    (contacts, count) => {
      if (products.length < 2) return verdict(contacts, count, 'people');
      const gaps = byWindow
        .map((window) => `${formatCheckDifference({ differences: window, unit: 'people' })} ${window.label}`)
        .join(', ');
      const side =
        differences.low > 0
          ? `more than the ${formatNumber(count.point)} under every reading`
          : differences.high < 0
            ? `fewer than the ${formatNumber(count.point)} under every reading`
            : `on either side of the ${formatNumber(count.point)} depending on the reading`;
      const close = isWithinRounding(contacts, count)
        ? ` Only the first reading comes close to the ${formatNumber(count.point)}, and it does not match it; under it the ${formatNumber(count.point)} may count people who made contact rather than people who left.`
        : '';
      return `So the ${formatNumber(count.point)} lies outside what the rate gives: the products are ${side} (${gaps}).${close}`;
    },
    differences,
    results,
  );
  return products.length > 1
    ? { ...check, byReading: products.map(({ label, low, high }) => ({ label, low, high })) }
    : check;
}

/** c. Is 453 new defectors a 20% rise on the about 2,500 counted before the appeal? */
export function percentRiseCheck(claims: Claim[]): PercentRiseCheck {
  const soldiers = findClaim(claims, CHECK_CLAIM_IDS.soldiersBeforeAppeal);
  const police = findClaim(claims, CHECK_CLAIM_IDS.policeBeforeAppeal);
  const answered = findClaim(claims, CHECK_CLAIM_IDS.answeredAppeal);
  const rise = findClaim(claims, CHECK_CLAIM_IDS.percentRise);
  const before = addEstimates(claimEstimate(soldiers), claimEstimate(police));
  const computed = percentOf(claimEstimate(answered), before);
  const claimed = claimEstimate(rise);
  const impliedBase = (claimEstimate(answered).point / claimed.point) * 100;
  const check = buildCheck(
    {
      id: 'percent-rise',
      title: 'Is 453 a 20% rise?',
      unit: 'percent',
      computed,
      claimed,
      claimIds: [soldiers.id, police.id, answered.id, rise.id],
    },
    `${printed(answered)} ÷ (${printed(soldiers)} + ${printed(police)})`,
    `${printed(answered)} on top of ${printed(soldiers)} soldiers and ${printed(police)} police (${formatNumber(before.point)}) is a rise of ${formatValue(computed.point, 'percent')}, against the ${formatValue(claimed.point, 'percent')} the NUG defence ministry's permanent secretary gives.`,
    (_share, stated) =>
      `A rise of exactly ${formatValue(stated.point, 'percent')} would need ${formatNumber(impliedBase)} before the appeal, not the roughly ${formatNumber(before.point)} counted; whether that makes the ${formatValue(stated.point, 'percent')} too high depends on how loosely "about" is read.`,
  );
  return { ...check, id: 'percent-rise', impliedBase };
}

/** d. About 50 who joined the CDM plus about 400 still waiting to leave: is that the 453? */
export function breakdownVsTotalCheck(claims: Claim[], claimants: readonly Claimant[]): ArithmeticCheck {
  const joined = findClaim(claims, CHECK_CLAIM_IDS.joinedCdm);
  const waiting = findClaim(claims, CHECK_CLAIM_IDS.waitingToLeave);
  const answered = findClaim(claims, CHECK_CLAIM_IDS.answeredAppeal);
  const computed = addEstimates(claimEstimate(joined), claimEstimate(waiting));
  return buildCheck(
    {
      id: 'breakdown-vs-total',
      title: 'Do 50 out and 400 waiting make 453?',
      unit: 'people',
      computed,
      claimed: claimEstimate(answered),
      claimIds: [joined.id, waiting.id, answered.id],
    },
    `${printed(joined)} + ${printed(waiting)}`,
    `The Myanmar Police CDM Channel's ${printed(joined)} who had joined the CDM and ${printed(waiting)} still waiting to leave their units make ${formatNumber(computed.point)}, against the ${printed(answered)} from ${formatClaimants(answered, claimants, 'short_name')}.`,
    (breakdown, count) =>
      isConsistent({ computed: breakdown, claimed: count })
        ? `The breakdown fits, which on the channel's own account means only ${printed(joined)} of the ${printed(answered)} had actually left.`
        : '',
  );
}

/** The four checks in the order the chart and the article present them. */
export function arithmeticChecks(
  claims: Claim[],
  readings: readonly Reading[],
  claimants: readonly Claimant[],
): [ArithmeticCheck, ArithmeticCheck, PercentRiseCheck, ArithmeticCheck] {
  const articles = new Set(Object.values(CHECK_CLAIM_IDS).map((id) => findClaim(claims, id).source_id));
  if (articles.size !== 1)
    throw new Error(`The arithmetic checks must read one article's figures, not ${[...articles].join(', ')}`);
  return [
    partsVsTotalCheck(claims, claimants),
    rateVsCountCheck(claims, readings),
    percentRiseCheck(claims),
    breakdownVsTotalCheck(claims, claimants),
  ];
}
