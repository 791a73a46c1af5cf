/**
 * How the cumulative chart holds as the data grows (issue 13, src/charts/scale.ts): past
 * LABELLED_TOTALS running totals it stops labelling each one. The series (one set of claimants, one
 * measure, one kind of people) with the most totals keep a colour of their own, their totals joined
 * and their latest total labelled in a list under the axis; the rest are "Other claimants (count)",
 * grey and never joined, since totals by different claimants are not one count and must not be
 * read as one rising. Every total not labelled is drawn in a grouped, unlabelled mark (one per
 * series, or for the rest per measure, and stretch of the chart), whose accessible name gives its
 * figures, hedges, claimants and dates and which links to the earliest of its claims.
 */
import { formatPartialDate } from '../../lib/dates.ts';
import { ACTION_LABELS, capitalise, claimantsOf, formatNumber, listInWords, whoActed } from '../../lib/format.ts';
import type { Action } from '../../lib/types.ts';
import {
  dateSpan,
  figuresSpread,
  groupedFiguresInWords,
  hedgesInWords,
  orList,
  type GroupedFigure,
} from '../grouped-words.ts';
import { LABELLED_PER_ROW, mostCited, runsByPosition } from '../scale.ts';
import type { ChartData } from '../types.ts';
import type { TotalRow } from './rows.ts';

/** Totals the chart labels one by one; past this it draws the grouped layout below. The curated data has 5. */
export const LABELLED_TOTALS = LABELLED_PER_ROW;

/** Series drawn in a colour of their own before the rest are "other claimants": three and the grey one. */
export const OWN_SERIES = 4;

/** Whether the chart draws its totals grouped (past LABELLED_TOTALS) rather than each with a label. */
export function drawnGrouped(rows: readonly TotalRow[]): boolean {
  return rows.length > LABELLED_TOTALS;
}

/** One series: the totals of one measure, by one set of claimants, of one kind of people. */
export interface TotalSeries {
  key: string;
  claimant: string;
  claimantShort: string;
  action: Action;
  rows: TotalRow[];
  /** The total labelled: the latest, the largest of those given on that date. */
  latest: TotalRow;
}

const seriesKey = (row: TotalRow) => `${row.claimant}|${row.action}|${row.personnel}`;

/** The series with most totals, in data order, and the totals of all the others. */
export function boundedSeries(data: ChartData, rows: readonly TotalRow[]) {
  const byKey = new Map<string, TotalRow[]>();
  for (const row of rows) byKey.set(seriesKey(row), [...(byKey.get(seriesKey(row)) ?? []), row]);
  const all: TotalSeries[] = [...byKey].map(([key, members]) => {
    const first = members[0] as TotalRow;
    const latest = [...members].sort((a, b) => b.end.getTime() - a.end.getTime() || b.figure - a.figure)[0] as TotalRow;
    return {
      key,
      claimant: first.claimant,
      claimantShort: first.claimantShort,
      action: first.action,
      rows: members,
      latest,
    };
  });
  const { own, rest } = mostCited(all, (series) => series.rows.length, OWN_SERIES);
  const others = rest.flatMap((series) => series.rows);
  const otherClaimants = new Set(
    others.flatMap((row) => {
      const claim = data.claimById.get(row.claimId);
      return claim ? claimantsOf(claim, data.claimants).map((claimant) => claimant.id) : [];
    }),
  );
  return { own, others, otherName: `Other claimants (${formatNumber(otherClaimants.size)})` };
}

/** One grouped, unlabelled mark: totals of one series (or of the other claimants) and measure, close together. */
export interface TotalBin {
  /** The own series' key, or "other". */
  seriesKey: string;
  action: Action;
  members: TotalRow[];
  mid: Date;
  figure: number;
  start: Date;
  end: Date;
  low: number;
  /** Null when any member's hedge sets no upper limit ("more than"). */
  high: number | null;
  firstClaimId: string;
  label: string;
}

/** What a group of totals says, for its mark's accessible name: figures, hedges, claimants and dates. */
function binLabel(name: string, members: readonly TotalRow[]): string {
  const first = [...members].sort((a, b) => a.asOf.localeCompare(b.asOf))[0] as TotalRow;
  if (members.length === 1) return first.label;
  const claimants = [...new Set(members.map((row) => row.claimant))];
  // Joint claimants read "A and B", so sets of them are set apart with semicolons.
  const who =
    claimants.length <= 2
      ? claimants.join('; ')
      : `${claimants.slice(0, 2).join('; ')} and ${formatNumber(claimants.length - 2)} other ${claimants.length - 2 === 1 ? 'set' : 'sets'} of claimants`;
  const people = orList([...new Set(members.map((row) => row.personnel.replaceAll('_', ' ')))]);
  const totals = groupedFiguresInWords(
    members.map(asGrouped),
    [first.action],
    { one: 'running total', many: 'running totals' },
    people,
  );
  return `${name}: ${totals}, claimed by ${who}, unverified. Each is in the table and the claims list; this links to the earliest, ${first.clause} (${formatPartialDate(first.asOf)}).`;
}

/**
 * Gathers totals into marks no closer than `span` px in x or y: runs along the time axis, then
 * along the figure axis within each run, so that marks of one group never overlap.
 */
export function binTotals(
  seriesKeyOf: string,
  name: string,
  rows: readonly TotalRow[],
  xOf: (date: Date) => number,
  yOf: (figure: number) => number,
  span: number,
): TotalBin[] {
  const actions = [...new Set(rows.map((row) => row.action))];
  return actions.flatMap((action) =>
    runsByPosition(
      rows.filter((row) => row.action === action),
      (row) => xOf(row.mid),
      span,
    ).flatMap((run) =>
      runsByPosition(run, (row) => yOf(row.figure), span).map((members) => {
        const lows = members.map((row) => row.low);
        const highs = members.map((row) => row.high);
        const figures = members.map((row) => row.figure);
        const mids = members.map((row) => row.mid.getTime());
        const first = [...members].sort((a, b) => a.asOf.localeCompare(b.asOf))[0] as TotalRow;
        return {
          seriesKey: seriesKeyOf,
          action,
          members,
          mid: new Date((Math.min(...mids) + Math.max(...mids)) / 2),
          figure: (Math.min(...figures) + Math.max(...figures)) / 2,
          start: new Date(Math.min(...members.map((row) => row.start.getTime()))),
          end: new Date(Math.max(...members.map((row) => row.end.getTime()))),
          low: Math.min(...lows),
          high: highs.some((high) => high === null) ? null : Math.max(...(highs as number[])),
          firstClaimId: first.claimId,
          label: binLabel(name, members),
        };
      }),
    ),
  );
}

/** The sentence naming what one own series' list entry says under the axis. */
export function latestEntry(series: TotalSeries, noteMark: string | undefined): string {
  const row = series.latest;
  const earlier = series.rows.length - 1;
  return `${row.clause}${noteMark ? ` ${noteMark}` : ''} by ${formatPartialDate(row.asOf)}, ${series.claimantShort}${earlier > 0 ? ` (latest of ${formatNumber(series.rows.length)} totals)` : ''}`;
}

/** The measures of a set of totals, in words: "joined the CDM or defected". */
export function measuresInWords(rows: readonly TotalRow[]): string {
  return listInWords([...new Set(rows.map((row) => ACTION_LABELS[row.action]))]).replace(/ and ([^,]+)$/, ' or $1');
}

/** A total as a grouped mark counts it (grouped-words.ts). */
const asGrouped = (row: TotalRow): GroupedFigure => ({
  figure: row.figure,
  qualifiers: row.qualifiers,
  wordings: row.wordings,
  range: row.allowed,
  date: row.asOf,
});

/** "2,700 to 3,300 (as published: each around 3,000), hedged: around, Sept 2021 to Dec 2023": a set of totals' range, hedges and dates. */
function spread(rows: readonly TotalRow[]): string {
  const grouped = rows.map(asGrouped);
  return `${figuresSpread(grouped)}, ${hedgesInWords(grouped.flatMap((row) => row.qualifiers))}, ${dateSpan(grouped.map((row) => row.date))}`;
}

/**
 * The grouped chart in words, for its description and alt text: the labelled totals in full (what
 * they count, hedge, date, readings, claimants), and the rest counted with their spread.
 */
export function describeGrouped(data: ChartData, rows: readonly TotalRow[]): string[] {
  const { own, others, otherName } = boundedSeries(data, rows);
  // A sentence each, so that an alt text cut to whole sentences keeps as many totals as fit.
  const labelled = own.map((series) => {
    const row = series.latest;
    const earlier = series.rows.filter((other) => other !== row);
    return `${capitalise(row.clause)}${row.caveat ? ` (${row.caveat})` : ''} by ${formatPartialDate(row.asOf)}${row.readings ? `, read as ${row.readings}` : ''}, claimed by ${series.claimant}${earlier.length > 0 ? `: the latest of ${formatNumber(series.rows.length)} totals in that series (the earlier ones ${spread(earlier)})` : ''}`;
  });
  return [
    `${formatNumber(rows.length)} totals are given; the ${own.length} series with the most are drawn in colour, each joined, with only its latest total labelled`,
    ...labelled,
    ...(others.length > 0
      ? [
          `${otherName}: ${[...new Set(others.map((row) => row.action))]
            .map((action) => {
              const ofAction = others.filter((row) => row.action === action);
              return `${formatNumber(ofAction.length)} totals of those who ${whoActed(action)} (${spread(ofAction)})`;
            })
            .join(' and ')}, drawn in grey and never joined, as different claimants' totals are not one count`,
        ]
      : []),
    'Earlier totals are drawn as unlabelled marks, grouped where close; the table and the claims list give every total',
  ];
}
