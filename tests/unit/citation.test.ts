/**
 * Citations (src/lib/citation*.ts), read back the way a reference manager would: the BibTeX and the
 * CSL-JSON are parsed again by citation-js's own parsers, and the fields a reader relies on (title,
 * permanent URL, version date, the original outlet) must survive, whatever characters the data has.
 */
import { Cite, type CSL } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { bibtex, cslJson, plainCitations } from '../../src/lib/citation.ts';
import { chartItem, citationKey, claimItems, cslDate, datasetItem } from '../../src/lib/citation-items.ts';
import type { Claimant, Source } from '../../src/lib/types.ts';
import { claim } from './make-claim.ts';

const publisher = {
  team: 'Leaving the Tatmadaw',
  website: 'Leaving the Tatmadaw: the defection claims',
  version: '2026-12-02',
};
const claimants = [
  { id: 'nug', name: 'National Unity Government', short_name: 'NUG' },
  { id: 'pe', name: 'People’s Embrace', short_name: 'People’s Embrace' },
] as Claimant[];
const source: Source = {
  id: 'rfa-2021-09-24',
  outlet: 'Radio Free Asia',
  headline: 'Myanmar soldiers defect',
  published: '2021-09-24',
  url: 'https://www.rfa.org/english/news/myanmar/defect-09242021.html',
  republished_by: null,
  language: 'en',
};
const nug = claim({
  id: 'nug-defected-3000-2021-09',
  source_id: source.id,
  co_claimant_ids: ['pe'],
  claimed_on: '2021-09',
  figure: 3000,
  qualifier: 'about',
});
const claimUrl = 'https://example.org/claims/nug-defected-3000-2021-09/';
const items = claimItems(nug, source, claimants, publisher, claimUrl);

/** Parses text back into CSL-JSON with citation-js, as a reference manager importing the file would. */
const parse = (text: string): CSL[] => new Cite(text).data as CSL[];
const dateParts = (item: CSL) => item.issued?.['date-parts']?.[0];

describe('a claim’s citation', () => {
  it('is titled the way every figure is shown: hedge, measure, every claimant, when, verification', () => {
    expect(items[0]?.title).toBe(
      'Around 3,000 soldiers defected, according to National Unity Government and People’s Embrace, claimed September 2021 (unverified)',
    );
  });

  it('BibTeX parses back with our page’s title, URL and version date, and the outlet’s article beside it', () => {
    const [ours, original] = parse(bibtex(items));
    expect(ours?.title).toBe(items[0]?.title);
    expect(ours?.URL).toBe(claimUrl);
    expect(dateParts(ours!)).toEqual([2026, 12, 2]);
    expect(ours?.note).toContain('Radio Free Asia');
    expect(ours?.['citation-key']).toBe('nug_defected_3000_2021_09');
    expect(original?.['container-title']).toBe('Radio Free Asia');
    expect(original?.title).toBe(source.headline);
    expect(original?.URL).toBe(source.url);
    expect(dateParts(original!)).toEqual([2021, 9, 24]);
  });

  it('BibTeX months are the standard macros, with the full date in `date`', () => {
    const text = bibtex(items);
    expect(text).not.toMatch(/month = \{/);
    expect(text).toMatch(/^\s*month = dec,\n\s*date = \{2026-12-02\},$/m);
    expect(text).toMatch(/^\s*month = sep,\n\s*date = \{2021-09-24\},$/m);
  });

  it('CSL-JSON parses back to the same items', () => {
    const parsed = parse(cslJson(items));
    expect(parsed.map((item) => [item.id, item.type, item.title, item.URL])).toEqual(
      items.map((item) => [item.id, item.type, item.title, item.URL]),
    );
    expect(parsed[0]?.version).toBe('2 December 2026');
  });

  it('APA and Chicago give our page with its URL and version date, then the original report', () => {
    for (const style of ['apa', 'chicago'] as const) {
      const [cited, original] = plainCitations(items, style);
      expect(cited).toContain(claimUrl);
      expect(cited).toMatch(/December 2, 2026|2026, December 2/);
      expect(cited).toContain('National Unity Government and People’s Embrace');
      expect(cited).toContain('(unverified)');
      expect(original).toContain('Radio Free Asia');
      expect(original).toContain(source.url);
    }
  });
});

describe('text that BibTeX treats as syntax', () => {
  // Braces, percent signs, ampersands, backslashes, quotes and Burmese script, as a headline may have.
  const awkward: Source = {
    ...source,
    headline: 'Soldiers {defect} & 50% “leave” \\ under $pressure# — တပ်မတော်',
    outlet: 'Outlet & Co_ {x}',
  };

  const awkwardItems = claimItems(nug, awkward, claimants, publisher, claimUrl);
  const text = bibtex(awkwardItems);

  it('round-trips through BibTeX unchanged, Burmese script included', () => {
    const [ours, original] = parse(text);
    expect(original?.title).toBe(awkward.headline);
    expect(original?.['container-title']).toBe(awkward.outlet);
    expect(ours?.note).toBe(awkwardItems[0]?.note);
    expect(original?.URL).toBe(awkward.url);
  });

  it('is escaped for LaTeX, so the reader’s document still compiles', () => {
    expect(text).toContain('\\& 50\\% “leave” \\textbackslash{} under \\$pressure\\#');
    expect(text).not.toMatch(/[^\\][&%$#]/);
  });
});

describe('a chart and the dataset', () => {
  it('a chart cites its place in the explainer, with its credit line', () => {
    const item = chartItem(
      { id: 'timeline', title: 'When each figure was claimed' },
      'Sources: RFA.',
      publisher,
      'https://example.org/#chart-timeline',
    );
    const [parsed] = parse(bibtex([item]));
    expect(parsed?.title).toBe('When each figure was claimed');
    expect(parsed?.URL).toBe('https://example.org/#chart-timeline');
    expect(parsed?.note).toBe('Sources: RFA.');
    expect(parsed?.['citation-key']).toBe('chart_timeline');
  });

  it('the dataset names every outlet once and carries its version', () => {
    const item = datasetItem(
      'Claims',
      [source, { ...source, id: 'rfa-2' }, { ...source, id: 'x', outlet: 'Myanmar Now' }],
      publisher,
      'https://example.org/about/#data',
    );
    expect(item.note).toMatch(/^Compiled from reports by Radio Free Asia, Myanmar Now\./);
    expect(plainCitations([item], 'chicago')[0]).toBe(
      'Leaving the Tatmadaw. Claims. Version 2 December 2026. Leaving the Tatmadaw, December 2, 2026. https://example.org/about/#data.',
    );
  });
});

describe('helpers', () => {
  it('dates keep exactly the precision the data has', () => {
    expect(cslDate('2021')).toEqual({ 'date-parts': [[2021]] });
    expect(cslDate('2021-09')).toEqual({ 'date-parts': [[2021, 9]] });
    expect(cslDate('2021-09-24')).toEqual({ 'date-parts': [[2021, 9, 24]] });
    expect(() => cslDate('Sept 2021')).toThrow(/not a partial ISO date/);
  });

  it('keys are what citation-js accepts as BibTeX keys, so it does not invent its own', () => {
    expect(citationKey('nug-cdm-15000-2023-08')).toBe('nug_cdm_15000_2023_08');
  });
});
