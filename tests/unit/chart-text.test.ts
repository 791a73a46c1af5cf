/**
 * The label layout the charts share (src/charts/shared.ts) on top of the font metrics of
 * src/charts/text-metrics.ts: wrapping at chart size, what must stay on one line, the flow of
 * legend entries and the log scale labels are placed on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_SIZE } from '../../src/charts/render.ts';
import { flowRows, keepTogether, logScalePx } from '../../src/charts/shared.ts';
import { textWidth, wrapText, type FontWeight } from '../../src/charts/text-metrics.ts';

const EPSILON = 1e-9;

describe('wrapping chart labels', () => {
  const words = fc.array(fc.stringMatching(/^[a-z0-9,’]{1,12}$/), { minLength: 1, maxLength: 12 });
  const weight = fc.constantFrom<FontWeight>('regular', 'bold');

  it('keeps every word, in order, and no line wider than asked unless it is one word', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 40, max: 600 }), weight, (list, maxWidth, fontWeight) => {
        const lines = wrapText(list.join(' '), maxWidth, CHART_FONT_SIZE, fontWeight);
        expect(lines.join(' ')).toBe(list.join(' '));
        for (const line of lines) {
          if (line.includes(' ')) expect(textWidth(line, CHART_FONT_SIZE, fontWeight)).toBeLessThanOrEqual(maxWidth);
        }
      }),
    );
  });

  it('never splits a hedge from its number or a date across lines', () => {
    const label = 'Anti-junta alliance: more than 200 defected, 12 Nov 2023';
    // At this width both would break: "more / than 200" and "12 / Nov 2023".
    expect(wrapText(label, 180, CHART_FONT_SIZE)).toEqual([
      'Anti-junta alliance: more',
      'than 200 defected, 12',
      'Nov 2023',
    ]);
    const lines = wrapText(keepTogether(label), 180, CHART_FONT_SIZE);
    expect(lines.some((line) => line.includes('more\u00a0than\u00a0200'))).toBe(true);
    expect(lines.some((line) => line.includes('12\u00a0Nov\u00a02023'))).toBe(true);
  });

  it('glues dates and hedges and nothing else', () => {
    expect(keepTogether('around 3,000 by Aug 2023, at least 750 since 7 Sept 2021, 23 or more a day')).toBe(
      'around\u00a03,000 by Aug\u00a02023, at\u00a0least\u00a0750 since 7\u00a0Sept\u00a02021, 23\u00a0or\u00a0more a day',
    );
  });
});

describe('flowRows: legend entries in lines that fit', () => {
  it('keeps order, starts each line at 0 and overflows only with an entry alone on its line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 300, noNaN: true }), { maxLength: 20 }),
        fc.integer({ min: 50, max: 640 }),
        fc.integer({ min: 0, max: 20 }),
        (widths, maxWidth, gap) => {
          const places = flowRows(widths, maxWidth, gap);
          expect(places).toHaveLength(widths.length);
          places.forEach((place, index) => {
            const previous = places[index - 1];
            const width = widths[index] as number;
            if (!previous || previous.row !== place.row) expect(place.left).toBe(0);
            else expect(place.left).toBeCloseTo(previous.left + (widths[index - 1] as number) + gap, 9);
            if (previous) expect(place.row - previous.row).toBeGreaterThanOrEqual(0);
            if (place.left > 0) expect(place.left + width).toBeLessThanOrEqual(maxWidth + EPSILON);
          });
        },
      ),
    );
  });

  it('wraps when the next entry would not fit', () => {
    expect(flowRows([100, 100, 100], 250, 10)).toEqual([
      { row: 0, left: 0 },
      { row: 0, left: 110 },
      { row: 1, left: 0 },
    ]);
  });
});

describe('logScalePx: placing labels before Plot draws', () => {
  it('maps the domain onto the plot width, a decade per equal step, and back', () => {
    const { toPx, fromPx } = logScalePx([1, 1000], 300);
    expect(toPx(1)).toBe(0);
    expect(toPx(10)).toBeCloseTo(100, 9);
    expect(toPx(1000)).toBeCloseTo(300, 9);
    for (const value of [0.5, 3, 42, 999, 5000]) expect(fromPx(toPx(value))).toBeCloseTo(value, 9);
  });
});
