/**
 * Reads the built site (test-output/dist, built once by global-setup.ts) the way a standards editor
 * would: a running total must never be printed without what it counts, and no figure on the home
 * page, in the claims table, in a chart's CSV or in an embed may appear without everyone who claims
 * it and its verification status. It reads the files the build wrote, not the functions that wrote
 * them, so a page that bypasses format.ts fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { ACTION_LABELS, claimantName, claimantsOf, formatFigure, VERIFICATION_LABELS } from '../../src/lib/format.ts';
import type { Claim, Claimant } from '../../src/lib/types.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const claimOf = (id: string) => data.claimById.get(id) as Claim;
const read = (path: string) => readFileSync(join(BUILT_SITE, path), 'utf8');
const page = (path: string) => parseHTML(read(path)).document as unknown as Document;
/** Text as a reader gets it: no-break spaces are spaces, runs of white space are one. */
const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** An SVG label's text: the lines of a wrapped label (its <tspan>s) are read with a space between them. */
const labelText = (element: Element) =>
  element.querySelector('tspan')
    ? [...element.querySelectorAll('tspan')].map((line) => line.textContent ?? '').join(' ')
    : (element.textContent ?? '');

/** Running totals: the figures that, unlabelled, read as one series climbing from 3,000 to 20,000. */
const TOTALS = data.claims.filter((claim) => claim.scope === 'cumulative_since_coup' && claim.figure !== null);

/** The names a claimant may go by on a page: full or short, or an outlet's own statement by its outlet. */
function namedEverywhere(text: string, claim: Claim): string[] {
  const outlet = data.sourceById.get(claim.source_id)?.outlet;
  const names = (claimant: Claimant) => [claimant.name, claimant.short_name, claimantName(claimant, outlet)];
  return claimantsOf(claim, data.claimants)
    .filter((claimant) => !names(claimant).some((name) => text.includes(name)))
    .map((claimant) => claimant.short_name);
}

/** Problems with one piece of text that shows a claim: missing claimants, missing status. */
function missingContext(text: string, claim: Claim): string[] {
  const problems = namedEverywhere(text, claim).map((name) => `no claimant "${name}"`);
  if (!text.includes(VERIFICATION_LABELS[claim.verification])) problems.push('no verification status');
  return problems;
}

/** An operand in a worked sum ("around 1,500 + around 1,000 + 453 = 2,953"): the sum's panel names the measure. */
const OPERATOR = /^\s*[-+=÷×−)]|[-+=÷×−(]\s*$/;

/**
 * Every place in a label where a total's figure as published ("around 3,000") is printed must be
 * followed, within the same label, by what it counts ("defected", "joined the CDM"). Prose (a cell
 * or text of whole sentences) is left to the standards review: its measure may be a sentence away.
 */
function unlabelledTotals(text: string): string[] {
  const flat = words(text);
  if (/\.(\s|$)/.test(flat)) return [];
  return TOTALS.filter((claim) => {
    const figure = formatFigure(claim);
    const at = flat.indexOf(figure);
    if (at === -1 || flat.includes(ACTION_LABELS[claim.action])) return false;
    const before = flat.slice(Math.max(0, at - 3), at);
    const after = flat.slice(at + figure.length, at + figure.length + 3);
    return !(OPERATOR.test(before) || OPERATOR.test(after));
  }).map((claim) => `${formatFigure(claim)} (${claim.id}) without "${ACTION_LABELS[claim.action]}" in "${flat}"`);
}

describe('the test itself', () => {
  it('catches a bare total, a missing co-claimant and a missing status', () => {
    const joint = claimOf('nug-defected-3000-2021-09');
    expect(unlabelledTotals('around 3,000 · NUG')).toHaveLength(1);
    expect(unlabelledTotals('around 3,000 defected · NUG')).toHaveLength(0);
    // An operand of a worked sum, and prose, are not labels of a total.
    expect(unlabelledTotals('around 1,500 + around 1,000 + 453 = 2,953')).toHaveLength(0);
    expect(unlabelledTotals('The total of around 3,000. It adds up.')).toHaveLength(0);
    expect(missingContext('around 3,000 defected, claimed by NUG, unverified', joint)).toEqual([
      `no claimant "People's Embrace"`,
    ]);
    expect(missingContext("around 3,000 defected, claimed by NUG and People's Embrace", joint)).toEqual([
      'no verification status',
    ]);
  });
});

describe('chart CSVs', () => {
  const files = readdirSync(join(BUILT_SITE, 'charts')).filter((file) => file.endsWith('.csv'));

  it('exist for every chart in the registry', () => {
    expect(files.sort()).toEqual(CHARTS.map((chart) => `${chart.id}.csv`).sort());
  });

  it.each(CHARTS.map((chart) => [chart.id, chart] as const))(
    '%s names every claimant and the status of every row, and labels every total with its measure',
    (id, chart) => {
      const [header = [], ...rows] = csvParseRows(read(`charts/${id}.csv`));
      const claimants = header.indexOf('claimants');
      const verification = header.indexOf('verification');
      expect(claimants, 'a claimants column').toBeGreaterThanOrEqual(0);
      expect(verification, 'a verification column').toBeGreaterThanOrEqual(0);
      // The CSV holds exactly chart.rows, in order (embeds.test.ts checks that), so row i stands for
      // the claims chart.claimIds gives for the chart's row i.
      const drawn = chart.rows(data);
      expect(rows).toHaveLength(drawn.length);
      // A row that stands for one reading credited to its own claimants names them (the 750's lede).
      const readingAt = header.indexOf('reading');
      const asRead = (claim: Claim, row: string[]): Claim => {
        const reading = data.readings.find(
          (each) => each.claim_id === claim.id && each.label === row[readingAt] && each.claimant_ids.length > 0,
        );
        if (readingAt < 0 || !reading) return claim;
        const [first, ...rest] = reading.claimant_ids;
        return { ...claim, claimant_id: first!, co_claimant_ids: rest };
      };
      const problems = rows.flatMap((row, index) => {
        const claims = chart
          .claimIds(drawn[index])
          .map(claimOf)
          .map((claim) => asRead(claim, row));
        const context = claims.flatMap((claim) =>
          missingContext(`${row[claimants]} ${row[verification]}`, claim).map((problem) => `${claim.id}: ${problem}`),
        );
        // Each cell is a label of its own: a total's figure in it must come with its measure.
        return [...context, ...row.flatMap((cell) => unlabelledTotals(cell))].map(
          (problem) => `row ${index + 1}: ${problem}`,
        );
      });
      expect(problems).toEqual([]);
    },
  );
});

describe('the home page', () => {
  const home = page('index.html');

  it('gives each headline card its measure, every claimant and the status', () => {
    const cards = [...home.querySelectorAll('[data-headline-claim]')];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const claim = claimOf(card.getAttribute('data-headline-claim') as string);
      const text = words(card.textContent);
      expect(text, claim.id).toContain(ACTION_LABELS[claim.action]);
      expect(missingContext(text, claim), claim.id).toEqual([]);
    }
  });

  it('gives every entry of the claims list its measure, every claimant and the status', () => {
    const rows = [...page('claims/index.html').querySelectorAll('li[id^="claim-"]')];
    expect(rows).toHaveLength(data.claims.length);
    for (const row of rows) {
      const claim = claimOf(row.id.replace(/^claim-/, ''));
      const figureCell = words(row.querySelector('[data-claim-figure]')?.textContent);
      // The figure's own line says what it counts, not only a line further along.
      expect(figureCell, claim.id).toContain(ACTION_LABELS[claim.action]);
      expect(missingContext(words(row.textContent), claim), claim.id).toEqual([]);
    }
  });

  it('names every claimant beside each figure in the text that carries its own attribution', () => {
    for (const context of home.querySelectorAll('.claim-ref-context')) {
      const claim = claimOf(context.previousElementSibling?.getAttribute('data-claim-ref') as string);
      expect(namedEverywhere(words(context.textContent), claim), claim.id).toEqual([]);
    }
  });

  it('never prints a total without its measure in a card, a table cell or a chart label', () => {
    const labels = [...home.querySelectorAll('[data-headline-claim], [data-claim-figure], svg text')].flatMap(
      (element) => unlabelledTotals(labelText(element)),
    );
    expect(labels).toEqual([]);
  });
});

/** Chart marks: the label assistive technology reads for each must name the claim's claimants and status. */
function markProblems(document: Document, where: string): string[] {
  const marks = [...document.querySelectorAll('a.chart-mark')];
  if (marks.length === 0) return [`${where}: no chart marks`];
  return marks.flatMap((mark) => {
    const id = /#claim-(.+)$/.exec(mark.getAttribute('href') ?? '')?.[1];
    // Its accessible name: aria-label, or else the <title> child (SVG-AAM), as the timeline has.
    const label = words(mark.getAttribute('aria-label') ?? mark.querySelector('title')?.textContent ?? null);
    // A mark for a computed figure (a rate, a sum) names the claims it comes from in its label.
    const claims = id ? [claimOf(id)] : [];
    return claims.flatMap((claim) => missingContext(label, claim).map((problem) => `${where} ${claim.id}: ${problem}`));
  });
}

describe('chart marks and embeds', () => {
  it('give every mark on the home page its claimants and status', () => {
    expect(markProblems(page('index.html'), 'home')).toEqual([]);
  });

  it.each(CHARTS.map((chart) => chart.id))(
    'embed %s: every mark, label and credit names its claimants and status',
    (id) => {
      const embed = page(`embed/${id}/index.html`);
      expect(markProblems(embed, `embed ${id}`)).toEqual([]);
      const chart = CHARTS.find((candidate) => candidate.id === id)!;
      const claims = [...new Set(chart.rows(data).flatMap((row: unknown) => chart.claimIds(row)))].map(claimOf);
      // The frame around the chart: everyone whose figure it draws, and that none is verified.
      const notes = words(embed.querySelector('.chart-notes')?.textContent);
      const missing = claims.flatMap((claim) => namedEverywhere(notes, claim).map((name) => `${claim.id}: ${name}`));
      expect(missing).toEqual([]);
      expect(notes).toContain('none has been independently verified');
      const bare = [...embed.querySelectorAll('svg text')].flatMap((text) => unlabelledTotals(labelText(text)));
      expect(bare).toEqual([]);
    },
  );
});
