/**
 * Words and numbers as readers see them. Every figure goes out with its qualifier: "around 3,000",
 * never "3,000", because the hedge is part of the claim.
 */
import type { Action, Claim, Personnel, Qualifier, Unit } from './types.ts';
import type { Range } from './derive.ts';
import { formatPartialDate, formatPeriod, parsePartialDate } from './dates.ts';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** One decimal below 10, whole numbers above: "3.7", "37", "1,204". */
export function formatRate(value: number): string {
  return Math.abs(value) < 10 ? decimalFormat.format(value) : numberFormat.format(value);
}

const smallRateFormat = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 });

/** People a day: rates below one keep two significant digits, so one person a month reads 0.032, not 0. */
export function formatPerDay(value: number): string {
  return value > 0 && value < 1 ? smallRateFormat.format(value) : formatRate(value);
}

/** A range of people a day as words: "14 to 20 a day", "23 or more a day", "0.032 a day". */
export function formatDailyRate(perDay: Range): string {
  return `${formatRange(perDay, formatPerDay)} a day`;
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

export const ACTION_LABELS: Record<Action, string> = {
  defected: 'defected',
  deserted: 'deserted',
  surrendered: 'surrendered',
  joined_cdm: 'joined the CDM',
  contacted_resistance: 'contacted the resistance',
  waiting_to_leave: 'waiting to leave',
};

export const PERSONNEL_LABELS: Record<Personnel, string> = {
  soldiers: 'soldiers',
  police: 'police',
  soldiers_and_police: 'soldiers and police',
  security_forces: 'security forces',
};

const UNIT_SUFFIX: Record<Unit, string> = {
  people: '',
  battalions: ' battalions',
  percent: '%',
  people_per_day: ' a day',
};

/** The number as published with its hedge and unit: "around 3,000", "20%", "33 a day", "3 battalions". */
export function formatFigure(claim: Pick<Claim, 'figure' | 'qualifier' | 'unit'>): string {
  if (claim.figure === null) return 'no number given';
  const words = QUALIFIER_WORDS[claim.qualifier];
  const figure = `${formatNumber(claim.figure)}${UNIT_SUFFIX[claim.unit]}`;
  return words ? `${words} ${figure}` : figure;
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

/** One line naming what was claimed and by whom, for titles and screen readers. */
export function describeClaim(claim: Claim, claimantName: string): string {
  const subject =
    claim.figure === null
      ? `${QUALIFIER_WORDS.vague} ${PERSONNEL_LABELS[claim.personnel]}`
      : `${formatFigure(claim)} ${claim.unit === 'people' ? PERSONNEL_LABELS[claim.personnel] : ''}`.trim();
  return `${subject} ${ACTION_LABELS[claim.action]}, according to ${claimantName}`;
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
