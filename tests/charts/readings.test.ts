/**
 * Every admissible reading shows on the charts: where an article allows a figure to be read two
 * ways (data/readings.csv), the charts' rows, descriptions, labels and mark titles give both, so no
 * chart presents the reading we happened to code as the only one.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataset } from '../../src/lib/dataset.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS, chartById } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { chartCsv } from '../../src/charts/csv.ts';
import { formatFigure } from '../../src/lib/format.ts';
import { readingsOf as readsOf } from '../../src/lib/readings.ts';
import { csvParse } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { claimRange } from '../../src/lib/derive.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));
const readingsOf = (claimId: string) => data.readings.filter((reading) => reading.claim_id === claimId);
const multiRead = [...new Set(data.readings.map((reading) => reading.claim_id))];

describe('the cumulative chart', () => {
  const chart = chartById('cumulative-claims');

  it('has one table and CSV row per reading of each total, naming the reading', () => {
    const rows = chart.rows(data) as { claimId: string; reading: string }[];
    for (const claimId of new Set(rows.map((row) => row.claimId))) {
      const expected = readingsOf(claimId).map((reading) => reading.label);
      const got = rows.filter((row) => row.claimId === claimId).map((row) => row.reading);
      expect(got).toEqual(expected.length > 0 ? expected : ['as coded']);
    }
    expect(chart.columns.map((column) => column.key)).toContain('reading');
    expect(rows.filter((row) => row.claimId === 'nug-cdm-20000-2023-12')).toHaveLength(2);
  });

  it('gives both readings of the 20,000 in its description and its drawing', () => {
    const labels = readingsOf('nug-cdm-20000-2023-12').map((reading) => reading.label);
    expect(labels).toHaveLength(2);
    for (const label of labels) expect(chart.describe(data)).toContain(label);
    for (const width of Object.values(VARIANT_WIDTHS)) {
      const text = renderChart(chart, data, width)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
      // The note under the axis may wrap a label across lines; its words stay in order.
      for (const label of labels) expect(text.replace(/\s/g, '')).toContain(label.replace(/\s/g, ''));
    }
  });
});

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('%s', (_id, chart) => {
  it('names every reading in the title of each mark that stands for a claim read two ways', () => {
    const svg = renderChart(chart, data, VARIANT_WIDTHS.wide);
    for (const claimId of multiRead) {
      const link = svg.match(new RegExp(`<a [^>]*href="#claim-${claimId}"[^>]*>[\\s\\S]*?</a>`));
      if (!link) continue;
      for (const reading of readingsOf(claimId)) expect(link[0]).toContain(reading.label);
    }
  });
});

it('labels the 750 in both its wordings wherever it is drawn with a figure label', () => {
  for (const id of ['timeline', 'who-is-counting']) {
    const svg = renderChart(chartById(id), data, VARIANT_WIDTHS.wide);
    expect(svg).toContain('at least 750 or around 750');
  }
});

describe('who is counting: a figure is open-ended only under the readings that make it so', () => {
  const chart = chartById('who-is-counting');
  const plotted = data.claims.filter((claim) => claim.unit === 'people' && claim.figure !== null);
  // Straight from the data: under how many of its readings each figure has no upper limit.
  const openUnder = (claim: (typeof plotted)[number]) =>
    readsOf(claim, data.readings).filter((read) => claimRange(read.claim).high === null).length;
  const openUnderAll = plotted.filter((claim) => openUnder(claim) === readsOf(claim, data.readings).length);
  const openUnderSome = plotted.filter(
    (claim) => openUnder(claim) > 0 && openUnder(claim) < readsOf(claim, data.readings).length,
  );

  it('has the case in its data: the 750, "at least" in the body and "around" in the lede', () => {
    expect(openUnderSome.map((claim) => claim.id)).toContain('anti-junta-alliance-deserted-750-2023-11');
  });

  it.each(Object.entries(VARIANT_WIDTHS))(
    'draws a solid arrow for each figure open under every reading; under some, a dotted shaft and a head (%s)',
    (_name, width) => {
      const svg = renderChart(chart, data, width);
      const { document } = parseHTML(`<body>${svg}</body>`);
      // Each arrow's shaft runs from its first point to its second: "M x1,y1 L x2,y2 M (head)".
      const shaftLength = (path: Element) => {
        const [x1, y1, x2, y2] = (path.getAttribute('d') ?? '').match(/-?[\d.]+/g)!.map(Number);
        return Math.hypot(x2! - x1!, y2! - y1!);
      };
      const paths = (selector: string) =>
        [...document.querySelectorAll(selector)].flatMap((group) => [...group.querySelectorAll('path')]);
      const arrows = paths('g[aria-label="arrow"]:not([stroke-dasharray])');
      expect(arrows.filter((path) => shaftLength(path) >= 10)).toHaveLength(openUnderAll.length);
      expect(arrows.filter((path) => shaftLength(path) < 2)).toHaveLength(openUnderSome.length);
      expect(paths('g[aria-label="arrow"][stroke-dasharray]')).toHaveLength(0);
      expect(paths('g[aria-label="link"][stroke-dasharray]')).toHaveLength(openUnderSome.length);
      // The key says what a dotted arrow means wherever one is drawn.
      const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(text).toContain('dotted: under one of its wordings only');
    },
  );
});

describe("the arithmetic checks' check b (33 a day against the 453)", () => {
  const chart = chartById('do-the-numbers-add-up');
  const rowB = () =>
    (chart.rows(data) as { id: string; working: string; byReading?: unknown[] }[]).find(
      (row) => row.id === 'rate-vs-count',
    )!;
  const flat = (svg: string) => svg.replace(/<[^>]+>/g, '').replace(/\s/g, '');

  it("gives every reading's result and difference in its drawing at both widths", () => {
    for (const width of Object.values(VARIANT_WIDTHS)) {
      const text = flat(renderChart(chart, data, width));
      expect(text).toContain('=462,or561to594');
      expect(text).toContain('+9to+141');
    }
  });

  it('gives them in its table and its CSV (the difference as a low and a high column)', () => {
    expect(rowB().working).toMatch(/= 462, or 561 to 594$/);
    const csv = csvParse(chartCsv(chart, data));
    const b = csv.find((row) => (row.check ?? '').startsWith('Does 33 a day'))!;
    expect([b.difference_low, b.difference_high]).toEqual(['9', '141']);
    expect(b.worked_out).toContain('= 462, or 561 to 594');
  });

  it('draws the readings apart: nothing between 462 and 561 is a result', () => {
    expect(rowB().byReading).toEqual([
      expect.objectContaining({ low: 462, high: 462 }),
      expect.objectContaining({ low: 561, high: 594 }),
    ]);
  });
});

describe("check b's range column", () => {
  it("lists each reading's result, not one range from 462 to 594", () => {
    const chart = chartById('do-the-numbers-add-up');
    const column = chart.columns.find((entry) => entry.key === 'worked_out_range')!;
    const row = (chart.rows(data) as { id: string }[]).find((entry) => entry.id === 'rate-vs-count')!;
    expect(column.value(row)).toBe('462, or 561 to 594');
    expect(renderChart(chart, data, 640)).not.toContain('462 (462 to 594)');
  });
});

describe('every chart that draws a figure with several wordings', () => {
  // "at least 750" and "around 750": a label with room for one wording only still gives both.
  const flat = (svg: string) =>
    svg
      .replace(/<(title|desc)[^>]*>[\s\S]*?<\/\1>/g, '')
      .replace(/aria-label="[^"]*"/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#160;|&nbsp;/g, ' ')
      .replace(/\s+/g, '');
  const claims = multiRead.map((id) => data.claimById.get(id)!).filter((claim) => claim.figure !== null);
  const wordingsOf = (claimId: string) => [
    ...new Set(readsOf(data.claimById.get(claimId)!, data.readings).map((read) => formatFigure(read.claim))),
  ];

  it.each(
    CHARTS.flatMap((chart) =>
      Object.entries(VARIANT_WIDTHS).map(([variant, width]) => [chart.id, variant, width] as const),
    ),
  )('%s (%s) draws each of its wordings where it draws the figure', (id, _variant, width) => {
    const text = flat(renderChart(chartById(id), data, width));
    for (const claim of claims) {
      const wordings = wordingsOf(claim.id);
      if (wordings.length < 2) continue;
      const drawn = wordings.filter((wording) => text.includes(wording.replace(/\s/g, '')));
      if (drawn.length > 0) expect(drawn).toEqual(wordings);
    }
  });

  it('includes the 750, read as at least 750 and around 750', () => {
    expect(wordingsOf('anti-junta-alliance-deserted-750-2023-11').sort()).toEqual(['around 750', 'at least 750']);
  });
});

describe('a percent figure on a chart', () => {
  it('reads as a rise, with the count it restates, never as a share who left', () => {
    for (const chart of CHARTS) {
      for (const width of Object.values(VARIANT_WIDTHS)) {
        const text = renderChart(chart, data, width)
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ');
        expect(text).not.toMatch(/\d% (answered|defected|deserted|joined|surrendered)/);
      }
    }
    const timeline = renderChart(chartById('timeline'), data, VARIANT_WIDTHS.wide)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(timeline).toMatch(/a 20% rise \(from the 453 who/);
    // At 320 px the count does not fit beside it; the rise is still drawn, as a rise.
    const narrow = renderChart(chartById('timeline'), data, VARIANT_WIDTHS.narrow).replace(/<[^>]+>/g, ' ');
    expect(narrow).toMatch(/a 20% rise/);
  });
});

describe("the cumulative chart's around 3,000", () => {
  // relations.csv: the Police CDM Channel's about 400 waiting to leave are part of the 453, and so
  // of the about 3,000; they had not left when counted.
  const chart = chartById('cumulative-claims');
  const caveat = 'includes around 400 still in their units';

  it('says it includes the about 400 still in their units, in its drawing at both widths', () => {
    for (const width of Object.values(VARIANT_WIDTHS)) {
      const text = renderChart(chart, data, width)
        .replace(/<(title|desc)[^>]*>[\s\S]*?<\/\1>/g, '')
        .replace(/aria-label="[^"]*"/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#160;/g, ' ')
        .replace(/\s+/g, '');
      expect(text).toContain('Includesaround400stillintheirunits');
    }
  });

  it('says so in its description, its image alt text, its table and its CSV', () => {
    expect(chart.describe(data)).toContain(`around 3,000 soldiers and police defected (${caveat})`);
    expect(chart.summarise!(data)).toContain(caveat);
    const csv = csvParse(chartCsv(chart, data));
    expect(csv.find((row) => row.claim_id === 'nug-defected-3000-2021-09')!.caveat).toBe(caveat);
    expect(csv.filter((row) => row.caveat).map((row) => row.claim_id)).toEqual(['nug-defected-3000-2021-09']);
  });
});
