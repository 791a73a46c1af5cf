/**
 * The dataset as the pages read it: from Astro's content collections, turned back into the plain
 * records src/lib and src/charts work with. Read once per build.
 */
import { getCollection } from 'astro:content';
import { chartData } from '../charts/data.ts';
import type { ChartData } from '../charts/types.ts';
import type { Claim, Claimant, Reading, Relation, Source, TimelineEvent } from '../lib/types.ts';

let cached: Promise<ChartData> | undefined;

async function load(): Promise<ChartData> {
  const [claims, claimants, sources, events, readings, relations] = await Promise.all([
    getCollection('claims'),
    getCollection('claimants'),
    getCollection('sources'),
    getCollection('events'),
    getCollection('readings'),
    getCollection('relations'),
  ]);
  // The store does not keep file order, so entries are put back in row order; references come
  // back as { collection, id } and become plain ids again.
  const inFileOrder = <Fields extends { row: number }>(entries: { data: Fields }[]): Omit<Fields, 'row'>[] =>
    [...entries].sort((a, b) => a.data.row - b.data.row).map(({ data: { row: _row, ...fields } }) => fields);
  return chartData({
    claims: inFileOrder(claims).map(
      (claim) => ({ ...claim, claimant_id: claim.claimant_id.id, source_id: claim.source_id.id }) as Claim,
    ),
    claimants: inFileOrder(claimants) as Claimant[],
    sources: inFileOrder(sources) as Source[],
    events: inFileOrder(events).map((event) => ({ ...event, source_id: event.source_id.id }) as TimelineEvent),
    readings: inFileOrder(readings) as Reading[],
    relations: inFileOrder(relations) as Relation[],
  });
}

export function siteData(): Promise<ChartData> {
  cached ??= load();
  return cached;
}
