import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateData, writeData } from '../../bench/generate-data.ts';
import { claimsByClaimant } from '../../src/site/claim-page.ts';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { ACTIONS, PERSONNEL, QUALIFIERS } from '../../src/lib/types.ts';
import { facetDefinition, facetPages, FACETS, QUALIFIER_FACET_LABELS } from '../../src/site/claim-facets.ts';
import { CLAIM_FACETS } from '../../src/site/routes.ts';
import { matchesQuery, searchWords } from '../../src/scripts/claims-list.ts';
import { claim } from './make-claim.ts';

const data = chartData(loadDataset('data'));
const x10 = mkdtempSync(join(tmpdir(), 'claim-facets-x10-'));
writeData(x10, generateData(10, 1));
afterAll(() => rmSync(x10, { recursive: true, force: true }));
const codes = [...ACTIONS, ...PERSONNEL, ...QUALIFIERS];

describe('the facet registry', () => {
  it('defines every facet routes.ts declares, once', () => {
    expect(FACETS.map((facet) => facet.facet).sort()).toEqual([...CLAIM_FACETS].sort());
  });

  it('gives every value words, never a code, and a slug fit for a URL', () => {
    for (const facet of FACETS) {
      for (const value of facet.values(data)) {
        expect(value.value, facet.facet).toMatch(/^[a-z0-9-]+$/);
        expect(
          codes.filter((code) => code.includes('_') && value.label.includes(code)),
          value.label,
        ).toEqual([]);
        expect(value.label.length).toBeGreaterThan(0);
      }
    }
    expect(Object.values(QUALIFIER_FACET_LABELS).every((label) => label.length > 0)).toBe(true);
  });

  it('files a joint claim under each of its claimants', () => {
    const joint = claim({ id: 'j', claimant_id: 'nug', co_claimant_ids: ['peoples-embrace'] });
    expect(facetDefinition('claimant').of(joint, data)).toEqual(['nug', 'peoples-embrace']);
  });

  it('files a claim under every claimant one of its wordings is credited to, as /claimants/ counts', () => {
    const seven50 = data.claimById.get('anti-junta-alliance-deserted-750-2023-11')!;
    expect(facetDefinition('claimant').of(seven50, data)).toEqual(['anti-junta-alliance', 'opposition-sources']);
  });

  it('gives each claimant the same count on its facet page as on /claimants/ and its own page, at x1 and x10', () => {
    for (const dataset of [data, chartData(loadDataset(x10))]) {
      const pages = facetPages(dataset).filter((page) => page.facet.facet === 'claimant');
      for (const claimant of dataset.claimants) {
        const listed = claimsByClaimant(claimant.id, dataset).length;
        const page = pages.find((candidate) => candidate.value.value === claimant.id);
        expect(page?.claims.length ?? 0, claimant.id).toBe(listed);
      }
      // The unnamed opposition sources are credited only through a reading: they have a page too.
      expect(pages.some((page) => page.value.value.startsWith('opposition-sources'))).toBe(true);
    }
  });

  it('files a claim under every hedge it is published with, its readings’ too', () => {
    const seven50 = data.claimById.get('anti-junta-alliance-deserted-750-2023-11')!;
    expect(facetDefinition('qualifier').of(seven50, data)).toEqual(['at-least', 'about']);
  });

  it('slugs codes with hyphens', () => {
    const cdm = claim({ id: 'c', action: 'joined_cdm', personnel: 'soldiers_and_police', qualifier: 'at_least' });
    expect(facetDefinition('action').of(cdm, data)).toEqual(['joined-cdm']);
    expect(facetDefinition('personnel').of(cdm, data)).toEqual(['soldiers-and-police']);
    expect(facetDefinition('qualifier').of(cdm, data)).toEqual(['at-least']);
  });

  it('has one page per value, none empty, and each claim on a page of every facet', () => {
    const pages = facetPages(data);
    expect(pages.every((page) => page.claims.length > 0)).toBe(true);
    for (const facet of FACETS) {
      const listed = new Set(pages.filter((page) => page.facet === facet).flatMap((page) => page.claims));
      expect(listed.size, facet.facet).toBe(data.claims.length);
    }
  });
});

describe('the list search', () => {
  it('matches every word, in any case, with or without accents and curly quotes', () => {
    const text = searchWords('The NUG’s  Défense ministry');
    expect(matchesQuery(text, "nug's defense")).toBe(true);
    expect(matchesQuery(text, 'MINISTRY')).toBe(true);
    expect(matchesQuery(text, 'ministry army')).toBe(false);
    expect(matchesQuery(text, '   ')).toBe(true);
  });
});
