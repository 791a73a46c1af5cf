/**
 * The written rules every derived figure follows. Each rule is a pure test with its reason in plain
 * words; the reason is what readers see where a rate is absent, and the methodology page lists the
 * rules from here, so the page and the arithmetic cannot drift apart.
 *
 * Two gates, and every derivation passes through one of them:
 * - rateEligibility(claim, context): may this claim, read one way, be divided by its days?
 * - sameMeasure(a, b): may these two claims be subtracted from or divided by each other?
 *   riseEligibility(from, to) adds what a rise between two running totals needs to become a pace.
 */
import { ACTION_LABELS } from './format.ts';
import { daysBetween } from './dates.ts';
import { asOfDate, claimRange, periodDays, subtractRanges } from './derive.ts';
import type { Action, Claim } from './types.ts';

/** What a count of people who had not left counts, as the end of "It counts people who …". */
const NOT_LEFT_WORDS: Partial<Record<Action, string>> = {
  contacted_resistance: 'contacted a resistance group',
  contacted_nug: 'contacted the NUG',
  waiting_to_leave: 'were waiting to leave',
  answered_call: 'answered the NUG’s call',
};
const whoDid = (action: Action) => NOT_LEFT_WORDS[action] ?? ACTION_LABELS[action];

/** People who have left the forces. Everything else counts people who might still leave. */
export const DEPARTURES: readonly Action[] = ['defected', 'deserted', 'surrendered', 'joined_cdm'];

/** Below this, a period claim is a report of single cases ("two more in early September"), not a flow. */
export const MIN_COUNT_FOR_RATE = 10;

/** Below this many days a count describes a burst, not a pace that can be set beside months-long totals. */
export const MIN_DAYS_FOR_RATE = 7;

export type RuleId =
  | 'no-number'
  | 'not-people'
  | 'not-left'
  | 'incident'
  | 'running-total'
  | 'already-a-rate'
  | 'no-stated-span'
  | 'short-span'
  | 'single-cases'
  | 'mostly-not-left'
  | 'different-measure'
  | 'open-earlier-total'
  | 'no-rise';

export interface Verdict {
  eligible: boolean;
  /** The rule that excludes it; null when eligible. */
  rule: RuleId | null;
  /** The rule's reason in plain words, for readers; null when eligible. */
  reason: string | null;
}

const ELIGIBLE: Verdict = { eligible: true, rule: null, reason: null };
const excluded = (rule: RuleId, reason: string): Verdict => ({ eligible: false, rule, reason });

/** The rules for a per-day rate, in the order they are checked, each with its reason for readers. */
export const RATE_RULES: readonly { id: RuleId; rule: string }[] = [
  { id: 'no-number', rule: 'The claim gives a number ("dozens" or "many" cannot be divided).' },
  { id: 'not-people', rule: 'It counts people (not battalions, not a percentage).' },
  {
    id: 'not-left',
    rule: 'It counts people who have left: defected, deserted, surrendered or joined the CDM. People who contacted a group, answered a call or were waiting to leave had not left.',
  },
  { id: 'incident', rule: 'It is not a single incident ("On Nov. 12, over 200 ..."): one event is not a daily flow.' },
  {
    id: 'running-total',
    rule: 'It is not a running total since the coup: a total gives a rate only against an earlier total of the same measure.',
  },
  { id: 'already-a-rate', rule: 'It is not itself a rate or a percentage.' },
  { id: 'no-stated-span', rule: 'The article states when the span began, so there are days to divide by.' },
  {
    id: 'short-span',
    rule: `The span lasts at least ${MIN_DAYS_FOR_RATE} days however its dates are read (a start known only to the month counts from its last day): a shorter one describes a burst.`,
  },
  {
    id: 'single-cases',
    rule: `It counts at least ${MIN_COUNT_FOR_RATE} people: fewer are single cases, not a flow.`,
  },
  {
    id: 'mostly-not-left',
    rule: 'Its own article does not say that most of these people had not left.',
  },
];

/**
 * May this claim (under one reading) become people per day? `sameArticle` is every claim from its
 * article, so that a breakdown given elsewhere in the article ("about 400 were waiting") counts.
 */
export function rateEligibility(claim: Claim, sameArticle: readonly Claim[] = []): Verdict {
  if (claim.figure === null) return excluded('no-number', 'No number is given, so there is nothing to divide.');
  if (claim.unit !== 'people') return excluded('not-people', `It counts ${claim.unit}, not people.`);
  if (!DEPARTURES.includes(claim.action))
    return excluded('not-left', `It counts people who ${whoDid(claim.action)}, not people who had left.`);
  if (claim.scope === 'incident')
    return excluded('incident', 'It reports a single incident; dividing it by days would invent a daily flow.');
  if (claim.scope === 'cumulative_since_coup')
    return excluded(
      'running-total',
      'It is a running total since the coup; only the rise to a later total of the same measure gives a rate.',
    );
  if (claim.scope === 'rate') return excluded('already-a-rate', 'It is already a rate or a percentage.');
  const days = periodDays(claim);
  if (days === null)
    return excluded('no-stated-span', 'The article gives no start for the span, so there are no days to divide by.');
  // The shortest span the dates allow: a start known only to the month may be its last day.
  if (days.min < MIN_DAYS_FOR_RATE)
    return excluded(
      'short-span',
      `Its span may be shorter than ${MIN_DAYS_FOR_RATE} days (as short as ${days.min}): a burst, not a pace.`,
    );
  if (claim.figure < MIN_COUNT_FOR_RATE)
    return excluded('single-cases', `It counts fewer than ${MIN_COUNT_FOR_RATE} people: single cases, not a flow.`);
  if (mostlyNotLeft(claim, sameArticle))
    return excluded('mostly-not-left', 'Its own article says most of these people had not left.');
  return ELIGIBLE;
}

/**
 * Whether the claim's own article counts, for the same window, more than half of it as people who
 * had not left (still waiting, or only in contact). The 453 is the case: about 400 of them waiting.
 * Only a smaller figure can be a part of it: the about 400 waiting are not part of the about 50 who
 * joined the CDM.
 */
export function mostlyNotLeft(claim: Claim, sameArticle: readonly Claim[]): boolean {
  if (claim.figure === null) return false;
  const high = claimRange(claim).high;
  return sameArticle.some(
    (other) =>
      other.id !== claim.id &&
      other.source_id === claim.source_id &&
      other.unit === 'people' &&
      other.figure !== null &&
      !DEPARTURES.includes(other.action) &&
      other.action !== 'answered_call' &&
      other.period_start === claim.period_start &&
      other.figure < claim.figure! &&
      (high === null ? false : claimRange(other).low * 2 > high),
  );
}

/**
 * May two claims be subtracted or divided? Only when they count the same thing: the same claimant,
 * unit, action and personnel, and both running totals since the coup. "Around 3,000 defected" and
 * "around 15,000 joined the CDM" are different measures, so there is no rate between them. And `a`,
 * the earlier, must set an upper bound: after "over 20,000" the rise to any later total could be
 * any number below it, so it has no lower bound to publish.
 */
export function sameMeasure(a: Claim, b: Claim): Verdict {
  const differ = (what: string) => excluded('different-measure', `The two figures count different things: ${what}.`);
  if (a.claimant_id !== b.claimant_id) return differ('different claimants');
  if (a.unit !== b.unit) return differ(`${a.unit} and ${b.unit}`);
  if (a.action !== b.action) return differ(`people who ${whoDid(a.action)} and people who ${whoDid(b.action)}`);
  if (a.personnel !== b.personnel) return differ(`${a.personnel} and ${b.personnel}`);
  if (a.scope !== 'cumulative_since_coup' || b.scope !== 'cumulative_since_coup')
    return differ('a running total and a count for a period');
  if (!DEPARTURES.includes(a.action))
    return excluded('not-left', `Both count people who ${whoDid(a.action)}, not people who had left.`);
  if (claimRange(a).high === null)
    return excluded(
      'open-earlier-total',
      'The earlier total sets no upper bound, so the rise after it has no lower bound: no rate can be given.',
    );
  return ELIGIBLE;
}

/** What a rise between two running totals needs, besides being one measure, before it is divided by days: clauses that follow "only if". */
export const RISE_RULES: readonly { id: RuleId; rule: string }[] = [
  {
    id: 'short-span',
    rule: `the two totals stand at least ${MIN_DAYS_FOR_RATE} days apart however their dates are read (two totals dated to one month may stand on the same day)`,
  },
  {
    id: 'no-rise',
    rule: 'the later total is larger than the earlier one with their hedges read as usual (a rise that may be nothing, or a fall, is not a pace)',
  },
];

/**
 * May the rise between two consecutive running totals become people per day? They must be the same
 * measure (sameMeasure), stand at least MIN_DAYS_FOR_RATE days apart however their dates are read,
 * and the later must exceed the earlier with "around" read as usual: otherwise two copies of one
 * total, or two totals in one month, would give a "rate" of −100 a day or of thousands a day.
 */
export function riseEligibility(from: Claim, to: Claim): Verdict {
  const measure = sameMeasure(from, to);
  if (!measure.eligible) return measure;
  const days = daysBetween(asOfDate(from), asOfDate(to));
  if (days.min < MIN_DAYS_FOR_RATE)
    return excluded(
      'short-span',
      `The two totals may stand ${days.min === 0 ? 'on the same day' : `only ${days.min} days apart`}: too close together to give a pace.`,
    );
  if (subtractRanges(claimRange(to), claimRange(from)).low <= 0)
    return excluded(
      'no-rise',
      'The later total may be no larger than the earlier one, read as hedged: no rise to divide.',
    );
  return ELIGIBLE;
}

/**
 * May the paces of two claims be set against each other as fact ("faster", "slower")? Only when they
 * count the same act by the same people: the claimant may differ, but "security forces who deserted"
 * against "soldiers who defected", or people who joined the CDM against defectors, compare different
 * things. A comparison that fails this rule may only be worded as what the two claims imply.
 */
export function comparable(a: Claim, b: Claim): Verdict {
  const differ = (what: string) => excluded('different-measure', `The two figures count different things: ${what}.`);
  if (a.unit !== b.unit) return differ(`${a.unit} and ${b.unit}`);
  if (a.action !== b.action) return differ(`people who ${whoDid(a.action)} and people who ${whoDid(b.action)}`);
  if (a.personnel !== b.personnel)
    return differ(`${a.personnel.replaceAll('_', ' ')} and ${b.personnel.replaceAll('_', ' ')}`);
  return ELIGIBLE;
}

/**
 * May a rate the claimant states ("33 people a day have contacted us") sit beside the rates of
 * leaving? Only if it too counts people who left.
 */
export function statedRateEligibility(claim: Claim): Verdict {
  if (claim.unit !== 'people_per_day' || claim.figure === null)
    return excluded('no-number', 'It is not a number of people a day.');
  if (!DEPARTURES.includes(claim.action))
    return excluded('not-left', `It counts people who ${whoDid(claim.action)}, not people who had left.`);
  return ELIGIBLE;
}
