/**
 * What a citation says, as CSL-JSON items (the data every citation format is generated from): a
 * claim, a chart or the dataset, each with its permanent URL and the data's version date. A claim's
 * citation cites our page and carries the outlet's article it comes from as a second item, so the
 * original outlet is always credited. Pure: the site passes in the URLs (src/site/citations.ts).
 */
import type { CSL, CSLDate } from '@citation-js/core';
import { formatPartialDate, parsePartialDate } from './dates.ts';
import { capitalise, formatClaimants, formatFigure, formatMeasure, VERIFICATION_LABELS } from './format.ts';
import { figureWordings } from './readings.ts';
import type { Claim, Claimant, Source, Reading } from './types.ts';

/** The team credited as author and publisher; the site's name is the "container". */
export interface CitationPublisher {
  team: string;
  website: string;
  /** The data's version (dataRelease().version): every citation is dated by it. */
  version: string;
}

export const CITATION_KINDS = ['claim', 'chart', 'dataset'] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

/** A partial date as CSL writes it: [[2021]], [[2021, 9]] or [[2021, 9, 24]], never a day we do not know. */
export function cslDate(text: string): CSLDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`cslDate: "${text}" is not a partial ISO date`);
  const { year, month, day } = parsed;
  const parts: [number] | [number, number] | [number, number, number] =
    month === null ? [year] : day === null ? [year, month] : [year, month, day];
  return { 'date-parts': [parts] };
}

/** A BibTeX key from an id: citation-js refuses hyphens in keys (and would invent "Leaving2026Around"). */
export function citationKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * What every item of ours shares: the team as author, dated by the data's version. The version is
 * also written out in words ("2 December 2026"): citeproc reads "2026-12-02" as a range and labels
 * it "Versions".
 */
function ours(publisher: CitationPublisher, id: string, url: string): CSL {
  return {
    id,
    'citation-key': citationKey(id),
    author: [{ literal: publisher.team }],
    issued: cslDate(publisher.version),
    version: formatPartialDate(publisher.version, 'long'),
    URL: url,
  } as CSL;
}

/** The outlet's article a claim comes from, as its own item: the original outlet, credited. */
export function sourceItem(source: Source): CSL {
  return {
    id: source.id,
    'citation-key': citationKey(source.id),
    type: 'article-newspaper',
    title: source.headline,
    'container-title': source.outlet,
    issued: cslDate(source.published),
    URL: source.url,
    language: source.language,
  } as CSL;
}

/**
 * A claim's page, titled the way every figure is shown: hedge and measure, all claimants, when and
 * its verification status ("Around 3,000 defected, according to the National Unity Government, claimed
 * September 2021 (unverified)"), then the outlet's article it comes from.
 */
export function claimItems(
  claim: Claim,
  source: Source,
  claimants: readonly Claimant[],
  publisher: CitationPublisher,
  url: string,
  readings: readonly Reading[] = [],
): CSL[] {
  // With the readings, a wording the article credits to someone else is credited to them.
  // Every wording the report gives ("At least 750 or around 750 security forces deserted").
  const measure = formatMeasure(claim).replace(formatFigure(claim), figureWordings(claim, readings, claimants, 'none'));
  const title =
    `${capitalise(measure)}, according to ${formatClaimants(claim, claimants, 'name', readings, [source])}, ` +
    `claimed ${formatPartialDate(claim.claimed_on, 'long')} (${VERIFICATION_LABELS[claim.verification]})`;
  return [
    {
      ...ours(publisher, claim.id, url),
      type: 'webpage',
      title,
      'container-title': publisher.website,
      note: `Claim reported in ${source.outlet}, "${source.headline}" (${source.published}), ${source.url}`,
    } as CSL,
    sourceItem(source),
  ];
}

/** A chart, at its place in the explainer, with the outlets and claimants it credits. */
export function chartItem(
  chart: { id: string; title: string },
  credits: string,
  publisher: CitationPublisher,
  url: string,
): CSL {
  return {
    ...ours(publisher, `chart-${chart.id}`, url),
    type: 'webpage',
    'container-title': publisher.website,
    genre: 'Chart',
    title: chart.title,
    note: credits,
  } as CSL;
}

/** The dataset: every claim, with the outlets it was compiled from. */
export function datasetItem(title: string, sources: readonly Source[], publisher: CitationPublisher, url: string): CSL {
  const outlets = [...new Set(sources.map((source) => source.outlet))];
  return {
    ...ours(publisher, 'dataset', url),
    type: 'dataset',
    publisher: publisher.team,
    title,
    note: `Compiled from reports by ${outlets.join(', ')}. Every figure is a claim by the party named; none has been independently verified.`,
  } as CSL;
}
