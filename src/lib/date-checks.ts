/**
 * Dates that are well formed but cannot be right: a claim or an article from the future, a claim
 * dated after the article that reports it, a count that starts before the coup.
 *
 * "Today" is the build's UTC date and only decides whether the build passes; nothing it decides is
 * written into the output, so two builds of the same data stay byte-identical. Tests pass their own.
 *
 * Partial dates are compared generously (dates.ts's canPrecedeOrEqual): 2023-08 is not "after"
 * 2023-08-17, so no check ever rejects a date for being imprecise.
 */
import { canPrecedeOrEqual } from './dates.ts';
import type { DataDefect } from './dataset.ts';
import type { Claim, Source, TimelineEvent } from './types.ts';

/** The February 2021 coup: every count on this site is of people leaving since then. */
export const COUP_DATE = '2021-02-01';

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

type Rows<T> = { row: number; value: T }[];

export function checkDates(
  input: { claims: Rows<Claim>; sources: Rows<Source>; events: Rows<TimelineEvent>; today: string },
  defects: DataDefect[],
): void {
  const { claims, sources, events, today } = input;
  /** Reports a date after today; true when it did, so a follow-on check on the same cell can stand down. */
  const notInFuture = (file: string, row: number, column: string, date: string, what: string): boolean => {
    if (canPrecedeOrEqual(date, today)) return false;
    defects.push({ file, row, column, value: date, expected: `a date no later than today (${today}): ${what}` });
    return true;
  };
  for (const { row, value: source } of sources) {
    notInFuture('data/sources.csv', row, 'published', source.published, 'an article cannot be published in the future');
  }
  for (const { row, value: event } of events) {
    notInFuture('data/events.csv', row, 'date', event.date, 'the timeline shows events that have happened');
  }
  const publishedOn = new Map(sources.map(({ value }) => [value.id, value.published]));
  for (const { row, value: claim } of claims) {
    const file = 'data/claims.csv';
    const future = notInFuture(file, row, 'claimed_on', claim.claimed_on, 'a claim cannot be made in the future');
    const published = publishedOn.get(claim.source_id);
    if (!future && published && !canPrecedeOrEqual(claim.claimed_on, published)) {
      defects.push({
        file,
        row,
        column: 'claimed_on',
        value: claim.claimed_on,
        expected: `a date on or before the article's publication (${published}, data/sources.csv "${claim.source_id}"): an article cannot report a claim made after it`,
      });
    }
    for (const column of ['period_start', 'period_end'] as const) {
      const date = claim[column];
      if (date && !canPrecedeOrEqual(COUP_DATE, date)) {
        defects.push({
          file,
          row,
          column,
          value: date,
          expected: `a date on or after the coup (${COUP_DATE}): the data counts people leaving since the coup${
            claim.scope === 'cumulative_since_coup' ? ', and this claim is a total since the coup' : ''
          }`,
        });
      }
    }
  }
}
