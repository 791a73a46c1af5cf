/**
 * The pieces charts label claims with: the claimant groups joint figures are drawn in, the labels
 * beside marks, one shape and line style per action, and label spreading for labels of several lines.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import {
  actionDash,
  actionSymbol,
  claimantGroups,
  claimLabel,
  markLabels,
  spreadLabels,
} from '../../src/charts/shared.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { ACTIONS } from '../../src/lib/types.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

describe('claimant groups', () => {
  it('put each joint figure in the group of all its claimants, each claimant alone before its joint groups', () => {
    expect(claimantGroups(data).map((group) => group.short_name)).toEqual([
      'NUG',
      "NUG and People's Embrace",
      "People's Embrace and Police CDM Channel",
      'Police CDM Channel',
      'Arakan Army',
      'Local residents',
      // The 750: EFE credits one wording to each.
      'Anti-junta alliance and Opposition sources',
      'Serving sergeant',
      'No source named',
      // The Kokang 200, 'according to the opposition forces'.
      'Opposition sources',
    ]);
  });

  it('colour a joint group as its first claimant', () => {
    const joint = claimantGroups(data).find((group) => group.id === 'peoples-embrace police-cdm-channel');
    expect(joint?.colorId).toBe('peoples-embrace');
  });
});

describe('mark labels', () => {
  const labels = markLabels(data);

  it('name what each figure counts', () => {
    expect(labels.get('nug-defected-3000-2021-09')).toBe('around 3,000 soldiers and police defected');
    expect(labels.get('nug-cdm-15000-2023-08')).toBe('around 15,000 soldiers and police joined the CDM');
    expect(labels.get('police-cdm-channel-waiting-400-2021-09')).toBe(
      'around 400 soldiers and police waiting to leave',
    );
  });

  it('say who left where a joint group counts different people', () => {
    expect(labels.get('peoples-embrace-defected-1500-2021-09')).toBe('around 1,500 soldiers defected');
    expect(labels.get('police-cdm-channel-defected-1000-2021-09')).toBe('around 1,000 police defected');
  });

  it('announce every claimant and the status to assistive technology', () => {
    const claim = data.claimById.get('nug-defected-3000-2021-09')!;
    expect(claimLabel(data, claim)).toBe(
      "around 3,000 soldiers and police defected, claimed by National Unity Government (NUG) and People's Embrace, 24 Sept 2021, unverified: “bolstering the defectors’ ranks to around 3,000”",
    );
  });
});

describe('shapes and line styles per action', () => {
  it('give every action its own shape, the same on every chart', () => {
    const symbols = ACTIONS.map(actionSymbol);
    expect(new Set(symbols).size).toBe(ACTIONS.length);
    expect(actionSymbol('defected')).toBe('circle');
    expect(actionSymbol('joined_cdm')).toBe('diamond');
  });

  it('draw defector totals solid and CDM totals dashed', () => {
    expect(actionDash('defected')).toBeNull();
    expect(actionDash('joined_cdm')).toBe('7,4');
  });
});

describe('spreadLabels', () => {
  it('keeps labels of several lines clear of the one below', () => {
    // Wanted at 0, 5 and 100. The label at 5 has 3 lines of 10 hanging below its first, so it needs a
    // gap of 30 to the label below it: it moves up to 0 + 30 = 30. The label at 100 is clear (30 + 10 < 100).
    expect(spreadLabels([0, 5, 100], [10, 30, 10], 0)).toEqual([0, 30, 100]);
    // A floor per label: a label of two lines hangs below its position, so it may not sit lower than 10.
    expect(spreadLabels([0], [10], [10])).toEqual([10]);
  });
});
