/**
 * The words for the figures one grouped, unlabelled mark stands for (and a description's sentence on
 * a grouped row), shared by the charts that group as the data grows (who-is-counting, cumulative): what
 * they count, the range their hedges allow, the hedges and the dates. A grouped mark must say no less
 * than its figures' own labels would: "around 3,000" grouped is never "3,000", "more than 200" and
 * "nearly 500" never "200 to 500", and people who had not left are never "leaving".
 */
import { formatPartialDate } from '../lib/dates.ts';
import { unionRanges, type Range } from '../lib/derive.ts';
import { formatNumber, formatRange, QUALIFIER_WORDS, whoActed } from '../lib/format.ts';
import type { Action, Qualifier } from '../lib/types.ts';

/** One figure of a group: its number, each reading's hedge and wording, the range they allow, its date. */
export interface GroupedFigure {
  figure: number;
  /** The hedge under each of its readings (one when it has none). */
  qualifiers: readonly Qualifier[];
  /** The figure as each reading words it: "at least 750", "around 750". */
  wordings: readonly string[];
  /** What its readings allow together (claimRange over the readings): open when any is open. */
  range: Range;
  /** Its date, as a partial date ("2023-08"). */
  date: string;
}

/** A list joined with "or": "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** "people who defected", "soldiers who defected or are waiting to leave": never "leaving" for those who had not left. */
export function peopleWho(actions: readonly Action[], people = 'people'): string {
  return `${people} who ${orList([...new Set(actions)].map(whoActed))}`;
}

/** The hedges of a group: "hedged: around", "hedged: at least or around; some exact", "not hedged". */
export function hedgesInWords(qualifiers: readonly Qualifier[]): string {
  const present = new Set(qualifiers);
  const hedges = (Object.keys(QUALIFIER_WORDS) as Qualifier[])
    .filter((qualifier) => qualifier !== 'exact' && present.has(qualifier))
    .map((qualifier) => QUALIFIER_WORDS[qualifier]);
  if (hedges.length === 0) return present.size > 0 ? 'not hedged' : '';
  return `hedged: ${orList(hedges)}${present.has('exact') ? '; some exact' : ''}`;
}

/** "Sept 2021", or "Sept 2021 to Dec 2023": the earliest and the latest of a group's dates. */
export function dateSpan(dates: readonly string[]): string {
  const sorted = [...dates].sort((a, b) => a.localeCompare(b));
  const first = formatPartialDate(sorted[0] as string);
  const last = formatPartialDate(sorted.at(-1) as string);
  return first === last ? first : `${first} to ${last}`;
}

/**
 * The range a group's figures allow, then, where it reads differently, the figures as published:
 * "201 or more (as published: more than 200 to nearly 500)", "2,700 to 3,300 (as published: each
 * around 3,000)", "200 to 500" (exact figures say it once).
 */
export function figuresSpread(members: readonly GroupedFigure[]): string {
  const union = unionRanges(members.map((member) => member.range));
  // People come whole: "around 5" (4.5 to 5.5) allows 5 people, not "5 to 6".
  const allowed = formatRange(
    { low: Math.ceil(union.low), high: union.high === null ? null : Math.floor(union.high) },
    formatNumber,
  );
  // Every wording of the figures given at a number: "around 20,000 or more than 20,000".
  const wordedAt = (figure: number) =>
    orList([...new Set(members.filter((member) => member.figure === figure).flatMap((member) => member.wordings))]);
  const figures = members.map((member) => member.figure);
  const [lowest, highest] = [Math.min(...figures), Math.max(...figures)];
  const alike = new Set(members.map((member) => [...new Set(member.wordings)].join(' or '))).size === 1;
  const published =
    lowest === highest
      ? `${alike && members.length > 1 ? 'each ' : ''}${wordedAt(lowest)}`
      : `${wordedAt(lowest)} to ${wordedAt(highest)}`;
  return published === allowed || published === `each ${allowed}` ? allowed : `${allowed} (as published: ${published})`;
}

/** "4 figures of people who defected, 2,700 to 3,300 (as published: each around 3,000), hedged: around, Sept 2021 to Dec 2023". */
export function groupedFiguresInWords(
  members: readonly GroupedFigure[],
  actions: readonly Action[],
  noun: { one: string; many: string } = { one: 'figure', many: 'figures' },
  people = 'people',
): string {
  const count = members.length === 1 ? `one ${noun.one}` : `${formatNumber(members.length)} ${noun.many}`;
  const hedges = hedgesInWords(members.flatMap((member) => member.qualifiers));
  return `${count} of ${peopleWho(actions, people)}, ${figuresSpread(members)}, ${hedges}, ${dateSpan(members.map((member) => member.date))}`;
}
