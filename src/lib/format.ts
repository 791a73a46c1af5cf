/**
 * Words and numbers as readers see them. Every figure goes out with its qualifier: "around 3,000",
 * never "3,000", because the hedge is part of the claim.
 */
import type {
  Action,
  Claim,
  Claimant,
  Personnel,
  Qualifier,
  Reading,
  Source,
  TimelineEvent,
  Unit,
  Verification,
} from './types.ts';
import type { Range } from './derive.ts';
import { formatPartialDate, formatPeriod, parsePartialDate } from './dates.ts';
import { readingsOfClaim } from './reading-index.ts';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/**
 * Every number formatter starts here: a value that is not a finite number is a bug upstream (the
 * validator caps every figure), and printing it would publish "∞" or "NaN" as if it were a figure.
 */
function finite(value: number): number {
  if (!Number.isFinite(value))
    throw new Error(`Refusing to format ${String(value)}: only finite numbers are published`);
  return value;
}

export function formatNumber(value: number): string {
  return numberFormat.format(finite(value));
}

/** One decimal below 10, whole numbers above: "3.7", "37", "1,204". */
export function formatRate(value: number): string {
  return Math.abs(finite(value)) < 10 ? decimalFormat.format(value) : numberFormat.format(value);
}

const smallRateFormat = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 });

/** People a day: rates below one keep two significant digits, so one person a month reads 0.032, not 0. */
export function formatPerDay(value: number): string {
  return finite(value) > 0 && value < 1 ? smallRateFormat.format(value) : formatRate(value);
}

/** The step formatPerDay shows a value to: whole numbers from 10, tenths from 1, two significant digits below. */
function displayStep(value: number): number {
  const size = Math.abs(value);
  if (size >= 10) return 1;
  if (size >= 1) return 0.1;
  return size === 0 ? 1 : 10 ** (Math.floor(Math.log10(size)) - 1);
}

/**
 * Rounds a range outwards to the precision it is shown at: the floor down, the ceiling up. A floor
 * of 37.5 a day is shown as 37, not 38, so rounding never claims more than the figures allow.
 */
export function roundRangeOutward(range: Range): Range {
  // A single value (an exact count over stated days) is shown as itself, not widened into a range.
  if (range.high === range.low) return range;
  // The small epsilon keeps 3.2 from becoming 3.1 through binary fractions (3.2 × 10 = 31.999…).
  const down = (value: number) => Math.floor(value / displayStep(value) + 1e-9) * displayStep(value);
  const up = (value: number) => Math.ceil(value / displayStep(value) - 1e-9) * displayStep(value);
  return { low: down(range.low), high: range.high === null ? null : up(range.high) };
}

/** A range of people a day as words, rounded outwards: "14 to 21 a day", "37 or more a day", "0.032 a day". */
export function formatDailyRate(perDay: Range): string {
  return `${formatRange(roundRangeOutward(perDay), formatPerDay)} a day`;
}

/** "1 claim", "8 claims". */
export function formatClaimCount(count: number): string {
  return `${count} ${count === 1 ? 'claim' : 'claims'}`;
}

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'around',
  nearly: 'nearly',
  at_least: 'at least',
  more_than: 'more than',
  vague: 'an unstated number of',
};

/**
 * What the people are said to have done, as the words a label puts after the figure. This is the one
 * map a new action needs an entry in: every label, table cell and alt text reads it.
 */
export const ACTION_LABELS: Record<Action, string> = {
  defected: 'defected',
  deserted: 'deserted',
  surrendered: 'surrendered',
  joined_cdm: 'joined the CDM',
  contacted_resistance: 'contacted the resistance',
  // Whom they contacted, as the claim says it ("have contacted us", the NUG's defence ministry).
  contacted_nug: 'contacted the NUG',
  waiting_to_leave: 'waiting to leave',
  answered_call: 'answered the NUG’s call',
};

export const PERSONNEL_LABELS: Record<Personnel, string> = {
  soldiers: 'soldiers',
  police: 'police',
  soldiers_and_police: 'soldiers and police',
  security_forces: 'security forces',
  people: 'people',
};

const UNIT_SUFFIX: Record<Unit, string> = {
  people: '',
  battalions: ' battalions',
  percent: '%',
  people_per_day: ' a day',
};

/** Says, wherever a vague claim is worded, that its words are not a number. */
export const NO_NUMBER_GIVEN = '(no number given)';

/**
 * A vague claim's own words for how many, as its quote has them but mid-sentence ("dozens of", "an
 * undisclosed number of"; claims.csv's vague_words, which validation requires of every vague claim).
 * A claim built without them (a test, a derived record) reads "an unstated number of".
 */
export function vagueWords(claim: Partial<Pick<Claim, 'vague_words'>>): string {
  const words = claim.vague_words?.trim();
  return words ? `${words.charAt(0).toLowerCase()}${words.slice(1)}` : QUALIFIER_WORDS.vague;
}

/** A figure slot's word for a vague claim: "dozens (no number given)", "several (no number given)". */
export function formatVagueFigure(claim: Partial<Pick<Claim, 'vague_words'>>): string {
  return `${vagueWords(claim).replace(/\s+of$/, '')} ${NO_NUMBER_GIVEN}`;
}

/**
 * The number as published with its hedge and unit: "around 3,000", "20%", "33 a day", "3 battalions";
 * for a vague claim its own words, said not to be a number: "dozens (no number given)".
 */
export function formatFigure(
  claim: Pick<Claim, 'figure' | 'qualifier' | 'unit'> & Partial<Pick<Claim, 'vague_words'>>,
): string {
  if (claim.figure === null) return formatVagueFigure(claim);
  const words = QUALIFIER_WORDS[claim.qualifier];
  const figure = `${formatNumber(claim.figure)}${UNIT_SUFFIX[claim.unit]}`;
  return words ? `${words} ${figure}` : figure;
}

/**
 * A figure with its hedge and its measure, the form every label that shows a total uses: who and
 * what, "around 3,000 soldiers and police defected", "around 1,500 soldiers defected", "around
 * 15,000 soldiers and police joined the CDM". Without the act, "3,000" and "15,000" read as one
 * series, though they count different things; without the people, the 1,500 soldiers and the 1,000
 * police credited together read as two counts of the same. One form for every label: claimClause.
 */
export function formatMeasure(
  claim: Pick<Claim, 'figure' | 'qualifier' | 'unit' | 'personnel' | 'action'> & Partial<Pick<Claim, 'vague_words'>>,
): string {
  return claimClause(claim);
}

/** What follows each of `count` items in a list in words: ["", ] for one, [" and ", ""] for two, [", ", " and ", ""]. */
export function listJoiners(count: number): string[] {
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? '' : index === count - 2 ? ' and ' : ', '));
}

/** "A", "A and B", "A, B and C" (repeats dropped). */
export function listInWords(items: readonly string[]): string {
  const unique = [...new Set(items)];
  const joiners = listJoiners(unique.length);
  return unique.map((item, index) => `${item}${joiners[index]}`).join('');
}

/**
 * Everyone a claim is credited to, in the order of claimants.csv (which follows the articles: "the
 * NUG's ministry of defense and People's Embrace"). The order does not depend on which of them the
 * row is filed under, so the 1,500 soldiers and the 1,000 police, credited jointly, name the same
 * two groups the same way and neither reads as one group's own count.
 */
/** Every claimant a claim is credited to: the one it is filed under, then any joint claimants. */
export function claimantIdsOf(claim: Pick<Claim, 'claimant_id' | 'co_claimant_ids'>): string[] {
  return [claim.claimant_id, ...claim.co_claimant_ids];
}

/** Every claimant any of these claims is credited to, filed or joint, each once. */
export function claimantIdsIn(claims: readonly Pick<Claim, 'claimant_id' | 'co_claimant_ids'>[]): Set<string> {
  return new Set(claims.flatMap(claimantIdsOf));
}

export function claimantsOf(
  claim: Pick<Claim, 'claimant_id' | 'co_claimant_ids'>,
  claimants: readonly Claimant[],
): Claimant[] {
  const ids = new Set(claimantIdsOf(claim));
  const found = claimants.filter((claimant) => ids.has(claimant.id));
  if (found.length !== ids.size) throw new Error(`A claimant of ${[...ids].join(', ')} is not in claimants.csv`);
  return found;
}

/**
 * A claimant's name where one claim is shown: the "unattributed" claimant, which stands for any
 * outlet's own voice, is named by the claim's outlet ("The Irrawaddy's own statement (no source
 * named)"), never the bare "Outlet's own statement"; everyone else by their own name.
 */
export function claimantName(
  claimant: Pick<Claimant, 'kind' | 'name' | 'short_name'>,
  outlet: string | undefined,
  form: 'name' | 'short_name' = 'name',
): string {
  if (claimant.kind !== 'unattributed' || outlet === undefined) return claimant[form];
  return form === 'name' ? `${outlet}'s own statement (no source named)` : `${outlet} (no source named)`;
}

/**
 * The one way a claim's claimants are named: "NUG and People's Embrace", short or in full. Given the
 * readings, a wording the article credits to someone else is named with them: "Anti-junta alliance for
 * at least 750 and Opposition sources for around 750".
 */
export function formatClaimants(
  claim: Pick<Claim, 'claimant_id' | 'co_claimant_ids'> &
    Partial<Pick<Claim, 'id' | 'figure' | 'qualifier' | 'unit' | 'source_id'>>,
  claimants: readonly Claimant[],
  form: 'name' | 'short_name' = 'name',
  readings: readonly Reading[] = [],
  /** Given where one claim is shown: an outlet's own statement is then named by its outlet. */
  sources: readonly Pick<Source, 'id' | 'outlet'>[] = [],
): string {
  const outlet = sources.find((source) => source.id === claim.source_id)?.outlet;
  const names = (ids: Pick<Claim, 'claimant_id' | 'co_claimant_ids'>) =>
    listInWords(claimantsOf(ids, claimants).map((claimant) => claimantName(claimant, outlet, form)));
  const own = readingsOfClaim(claim.id, readings);
  const credited = own.filter((reading) => reading.claimant_ids.length > 0);
  const { figure, qualifier, unit } = claim;
  if (credited.length === 0 || figure === undefined || qualifier === undefined || unit === undefined) {
    return names(claim);
  }
  // A wording the article credits to someone else (EFE's lede: "around 750 ..., opposition sources
  // said") is listed with its own claimants, so no one is credited with words that are not theirs.
  // Every reading is listed (an uncredited one under the claim's own claimants), so a claim filed
  // under both parties names each with its wording only.
  const parts = own.map((reading) => {
    const [first, ...rest] = reading.claimant_ids;
    const who = first === undefined ? names(claim) : names({ claimant_id: first, co_claimant_ids: rest });
    return `${who} for ${formatFigure({ figure, qualifier: reading.qualifier ?? qualifier, unit })}`;
  });
  return listInWords(parts);
}

/**
 * Everyone credited with any of several claims, each named once, in claimants.csv order: "National
 * Unity Government (NUG) and People's Embrace" for a row that uses the NUG's 453 and the NUG's and
 * People's Embrace's 3,000, never "NUG and NUG and People's Embrace" (a list of each claim's names).
 */
export function formatClaimantsOfClaims(
  claims: readonly Pick<Claim, 'claimant_id' | 'co_claimant_ids'>[],
  claimants: readonly Claimant[],
  form: 'name' | 'short_name' = 'name',
): string {
  const ids = new Set(claims.flatMap((claim) => claimantsOf(claim, claimants).map((claimant) => claimant.id)));
  return listInWords(claimants.filter((claimant) => ids.has(claimant.id)).map((claimant) => claimant[form]));
}

/** Whether anyone beyond the claimant has checked a figure, in the words shown with it. */
export const VERIFICATION_LABELS: Record<Verification, string> = {
  unverified: 'unverified',
  disputed: 'disputed',
  corroborated: 'independently verified',
};

/** The statuses of several claims (a computed figure uses two): "unverified", or "unverified / disputed". */
export function formatVerifications(statuses: readonly Verification[]): string {
  return [...new Set(statuses)].map((status) => VERIFICATION_LABELS[status]).join(' / ');
}

/** A range as words: "37.5 or more", "3.7 to 4.1", "32.4". */
export function formatRange(range: Range, format: (value: number) => string = formatRate): string {
  if (range.high === null) return `${format(range.low)} or more`;
  if (format(range.low) === format(range.high)) return format(range.low);
  return `${format(range.low)} to ${format(range.high)}`;
}

/** A signed difference: "+9", "−47", "0". Uses a true minus sign. */
export function formatDifference(value: number, format: (value: number) => string = formatRate): string {
  if (value === 0 || format(Math.abs(value)) === format(0)) return format(0);
  return value > 0 ? `+${format(value)}` : `\u2212${format(Math.abs(value))}`;
}

const SINGULAR_PERSONNEL: Record<Personnel, string> = {
  soldiers: 'soldier',
  police: 'police officer',
  soldiers_and_police: 'soldier or police officer',
  security_forces: 'member of the security forces',
  people: 'person',
};

/**
 * What a claim says happened, as a clause: "around 3,000 soldiers and police defected", "1 police
 * officer defected", "dozens of soldiers defected (no number given)" (a vague claim's own words), "a
 * 20% rise in the total from new soldiers and police", "33 people a day contacted the NUG", "3
 * battalions of soldiers surrendered".
 */
export function claimClause(
  claim: Pick<Claim, 'figure' | 'qualifier' | 'unit' | 'personnel' | 'action'> & Partial<Pick<Claim, 'vague_words'>>,
): string {
  const action = ACTION_LABELS[claim.action];
  if (claim.figure === null)
    return `${vagueWords(claim)} ${PERSONNEL_LABELS[claim.personnel]} ${action} ${NO_NUMBER_GIVEN}`;
  if (claim.unit === 'percent')
    return `a ${formatFigure(claim)} rise in the total from new ${PERSONNEL_LABELS[claim.personnel]} who ${action}`;
  // Rates and battalions name their people too: "33 soldiers and police a day", "3 battalions of soldiers".
  if (claim.unit === 'people_per_day')
    return `${formatFigure({ ...claim, unit: 'people' })} ${PERSONNEL_LABELS[claim.personnel]} a day ${action}`;
  if (claim.unit === 'battalions') return `${formatFigure(claim)} of ${PERSONNEL_LABELS[claim.personnel]} ${action}`;
  const who =
    claim.figure === 1 && claim.qualifier === 'exact'
      ? SINGULAR_PERSONNEL[claim.personnel]
      : PERSONNEL_LABELS[claim.personnel];
  return `${formatFigure(claim)} ${who} ${action}`;
}

/** The first letter upper-cased (sentence case), the rest as written. */
export function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** An act as a relative clause after "who": "who defected", "who are waiting to leave". */
const ACTION_AFTER_WHO: Record<Action, string> = { ...ACTION_LABELS, waiting_to_leave: 'are waiting to leave' };

/** What people did, after "people who": "defected", "are waiting to leave", "answered the NUG’s call". */
export function whoActed(action: Action): string {
  return ACTION_AFTER_WHO[action];
}

/**
 * What a figure counts, as a noun phrase for "What it counts" and the claim card: "Soldiers and
 * police who joined the CDM", "Police officer who defected" (a figure of exactly 1), "The rise in the
 * total from new soldiers and police who answered the NUG's call" (a percentage counts a rise, not
 * people), "People who contacted the NUG, per day", "Battalions of soldiers that
 * surrendered". Capitalised.
 */
export function whatItCounts(claim: Pick<Claim, 'figure' | 'qualifier' | 'unit' | 'personnel' | 'action'>): string {
  const act = ACTION_AFTER_WHO[claim.action];
  const people = PERSONNEL_LABELS[claim.personnel];
  if (claim.unit === 'percent') return `The rise in the total from new ${people} who ${act}`;
  if (claim.unit === 'people_per_day') return capitalise(`${people} who ${act}, per day`);
  if (claim.unit === 'battalions') return capitalise(`battalions of ${people} that ${act}`);
  const who = claim.figure === 1 && claim.qualifier === 'exact' ? SINGULAR_PERSONNEL[claim.personnel] : people;
  return capitalise(`${who} who ${act}`);
}

/** "7 Sept 2021", "Aug 2023", "April to July 2023", "13 to 17 Nov 2023": a span as briefly as it can be said. */
export function formatSpan(start: string, end: string): string {
  if (start === end) return formatPartialDate(start);
  const from = parsePartialDate(start);
  const to = parsePartialDate(end);
  if (from && to && from.year === to.year && from.precision === to.precision) {
    const endWords = formatPartialDate(end);
    if (from.precision === 'day' && from.month === to.month) return `${from.day} to ${endWords}`;
    // Drop the repeated year: "April to July 2023", "27 Oct to 16 Nov 2023".
    return `${formatPartialDate(start).replace(` ${from.year}`, '')} to ${endWords}`;
  }
  return `${formatPartialDate(start)} to ${formatPartialDate(end)}`;
}

/**
 * The period a claim counts, briefly, with the stated length first when the article gives one:
 * "14 days from 7 Sept 2021", "April to July 2023", "since Aug 2023", "until May 2022".
 */
export function formatClaimPeriod(claim: Pick<Claim, 'period_start' | 'period_end' | 'stated_days'>): string {
  const { period_start: start, period_end: end } = claim;
  if (start !== null && claim.stated_days !== null) return `${claim.stated_days} days from ${formatPartialDate(start)}`;
  if (start !== null && end !== null) return formatSpan(start, end);
  return formatPeriod(start, end) ?? 'no dates given';
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count in words for running text: "five" up to ten, digits beyond ("12"). */
export function numberWord(count: number): string {
  return Number.isInteger(count) && count >= 0 && count < NUMBER_WORDS.length
    ? (NUMBER_WORDS[count] as string)
    : formatNumber(count);
}

/**
 * An event's date with how sure it is, wherever the event is dated: "7 Sept 2021", "4 Dec 2023
 * (inferred)", "about Sept 2022", "by Aug 2023 (inferred)".
 */
export function formatEventDate(
  event: Pick<TimelineEvent, 'date' | 'date_certainty'>,
  style: 'short' | 'long' = 'short',
): string {
  const date = formatPartialDate(event.date, style);
  switch (event.date_certainty) {
    case 'stated':
      return date;
    case 'inferred':
      return `${date} (inferred)`;
    case 'approximate':
      return `about ${date}`;
    case 'no_later_than':
      return `by ${date} (inferred)`;
  }
}
