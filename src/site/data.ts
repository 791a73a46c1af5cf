/**
 * The dataset as the pages read it: from Astro's content collections, turned back into the plain
 * records src/lib and src/charts work with. Read once per build.
 */
import { getCollection } from 'astro:content';
import { chartData } from '../charts/data.ts';
import type { ChartData } from '../charts/types.ts';
import type { Claim, Claimant, Source, TimelineEvent } from '../lib/types.ts';

let cached: Promise<ChartData> | undefined;

async function load(): Promise<ChartData> {
  const [claims, claimants, sources, events] = await Promise.all([
    getCollection('claims'),
    getCollection('claimants'),
    getCollection('sources'),
    getCollection('events'),
  ]);
  // Collections keep file order; references come back as { collection, id } and become ids again.
  return chartData({
    claims: claims.map(({ data }) => ({ ...data, claimant_id: data.claimant_id.id, source_id: data.source_id.id }) as Claim),
    claimants: claimants.map(({ data }) => data as Claimant),
    sources: sources.map(({ data }) => data as Source),
    events: events.map(({ data }) => ({ ...data, source_id: data.source_id.id }) as TimelineEvent),
  });
}

export function siteData(): Promise<ChartData> {
  cached ??= load();
  return cached;
}
