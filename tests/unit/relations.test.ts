/**
 * data/relations.csv: every defect a relation row can have is named with its file, row and column,
 * and the wording reads correctly from both ends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, formatDefect, loadDataset, validateDatasetTexts } from '../../src/lib/dataset.ts';
import { RELATION_WORDING, relationIsSymmetric, relationsOf } from '../../src/lib/relations.ts';
import { RELATIONS } from '../../src/lib/types.ts';

const good = (file: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'good-data', file), 'utf8');
const header = 'from,relation,to,note\n';

function defectsFor(relations: string): string[] {
  try {
    validateDatasetTexts({
      claims: good('claims.csv'),
      claimants: good('claimants.csv'),
      sources: good('sources.csv'),
      events: good('events.csv'),
      relations: header + relations,
    });
  } catch (error) {
    if (error instanceof DataValidationError) return error.defects.map(formatDefect);
    throw error;
  }
  return [];
}

describe('relations.csv validation', () => {
  it('accepts a relation between two known claims and returns it', () => {
    expect(defectsFor('fixture-total-2021,part_of,fixture-total-2023,A note.\n')).toEqual([]);
  });

  it('names an unknown claim id, in either column', () => {
    expect(
      defectsFor('no-such-claim,part_of,fixture-total-2023,A note.\nfixture-total-2021,part_of,gone,A note.\n'),
    ).toEqual([
      'data/relations.csv, row 2, column "from": found "no-such-claim"; expected an id from data/claims.csv (fixture-total-2021, fixture-total-2023, fixture-vague)',
      'data/relations.csv, row 3, column "to": found "gone"; expected an id from data/claims.csv (fixture-total-2021, fixture-total-2023, fixture-vague)',
    ]);
  });

  it('rejects a claim related to itself', () => {
    expect(defectsFor('fixture-vague,restates,fixture-vague,A note.\n')).toEqual([
      'data/relations.csv, row 2, column "to": found "fixture-vague"; expected an id other than the row\'s "from" (fixture-vague): a claim has no relation to itself',
    ]);
  });

  it('rejects a second row for the same pair, whichever way round and of whatever kind', () => {
    expect(
      defectsFor(
        [
          'fixture-total-2021,part_of,fixture-total-2023,A note.',
          'fixture-total-2021,part_of,fixture-total-2023,Again.',
          'fixture-total-2021,may_overlap_with,fixture-vague,A note.',
          'fixture-vague,may_overlap_with,fixture-total-2021,Reversed.',
          // "Part of" both ways round: the two pages would contradict each other.
          'fixture-total-2023,part_of,fixture-total-2021,Contradicts row 2.',
        ].join('\n') + '\n',
      ),
    ).toEqual([
      'data/relations.csv, row 3, column "to": found "fixture-total-2023"; expected one relation per pair of claims (row 2 already relates fixture-total-2021 and fixture-total-2023: part_of)',
      'data/relations.csv, row 5, column "to": found "fixture-total-2021"; expected one relation per pair of claims (row 4 already relates fixture-vague and fixture-total-2021: may_overlap_with)',
      'data/relations.csv, row 6, column "to": found "fixture-total-2021"; expected one relation per pair of claims (row 2 already relates fixture-total-2023 and fixture-total-2021: part_of)',
    ]);
  });

  it('rejects a circle of "part of" through three claims, on every row of the circle', () => {
    expect(
      defectsFor(
        [
          'fixture-total-2021,part_of,fixture-total-2023,A note.',
          'fixture-total-2023,may_be_part_of,fixture-vague,A note.',
          'fixture-vague,part_of,fixture-total-2021,Closes the circle.',
        ].join('\n') + '\n',
      ),
    ).toEqual([
      'data/relations.csv, row 2, column "to": found "fixture-total-2023"; expected no circle of "part of": fixture-total-2023 already leads back to fixture-total-2021 through other rows',
      'data/relations.csv, row 3, column "to": found "fixture-vague"; expected no circle of "part of": fixture-vague already leads back to fixture-total-2023 through other rows',
      'data/relations.csv, row 4, column "to": found "fixture-total-2021"; expected no circle of "part of": fixture-total-2021 already leads back to fixture-vague through other rows',
    ]);
  });

  it('accepts a chain of "part of" that does not close', () => {
    expect(
      defectsFor(
        'fixture-total-2021,part_of,fixture-total-2023,A note.\nfixture-total-2023,part_of,fixture-vague,A note.\n',
      ),
    ).toEqual([]);
  });

  it('rejects an unknown relation kind and an empty note', () => {
    expect(defectsFor('fixture-total-2021,about,fixture-total-2023,\n')).toEqual([
      `data/relations.csv, row 2, column "relation": found "about"; expected one of: ${RELATIONS.join(', ')}`,
      'data/relations.csv, row 2, column "note": found ""; expected a note saying why the relation holds; it must not be empty',
    ]);
  });

  it('rejects a note over its maximum length', () => {
    const [defect] = defectsFor(`fixture-total-2021,part_of,fixture-total-2023,${'x'.repeat(401)}\n`);
    expect(defect).toMatch(/^data\/relations\.csv, row 2, column "note": .*expected at most 400 characters/);
  });
});

describe('relation wording', () => {
  it('reads a relation from both ends, with the inverse wording at the far end', () => {
    const relations = [{ from: 'a', relation: 'part_of' as const, to: 'b', note: 'n' }];
    expect(relationsOf('a', relations)).toEqual([
      { otherId: 'b', wording: 'is part of', note: 'n', relation: 'part_of' },
    ]);
    expect(relationsOf('b', relations)).toEqual([
      { otherId: 'a', wording: 'includes', note: 'n', relation: 'part_of' },
    ]);
    expect(relationsOf('c', relations)).toEqual([]);
  });

  it('has words for every kind, and only symmetric kinds read the same both ways', () => {
    for (const kind of RELATIONS) {
      expect(RELATION_WORDING[kind].forward.length).toBeGreaterThan(3);
      expect(RELATION_WORDING[kind].inverse.length).toBeGreaterThan(3);
    }
    expect(RELATIONS.filter(relationIsSymmetric)).toEqual(['may_overlap_with', 'different_measure_from']);
  });

  it('the real data: every claim a relation names exists, and the notes that say "subset" are rows', () => {
    const data = loadDataset('data');
    const ids = new Set(data.claims.map((claim) => claim.id));
    expect(data.relations.length).toBeGreaterThan(10);
    for (const relation of data.relations) {
      expect(ids.has(relation.from) && ids.has(relation.to)).toBe(true);
    }
    for (const claim of data.claims.filter((candidate) => /subset of the 453/i.test(candidate.notes ?? ''))) {
      expect(relationsOf(claim.id, data.relations).map((r) => `${r.wording} ${r.otherId}`)).toContain(
        'is part of nug-defected-453-2021-09',
      );
    }
  });
});
