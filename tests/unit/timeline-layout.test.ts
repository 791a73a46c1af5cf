/**
 * The timeline's layout guarantees: the pure placement functions are checked as properties over
 * random input (fast-check), then the rendered chart is checked against the same promises at both
 * widths, with the real data: no two labels collide, nothing leaves the SVG, every claim is a link.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { claimLabel } from '../../src/charts/shared.ts';
import { textWidth } from '../../src/charts/text-metrics.ts';
import timeline, { labelSide, laneHeader, packRows, type Interval } from '../../src/charts/timeline.ts';
import { loadDataset } from '../../src/lib/dataset.ts';

const EPSILON = 1e-6;

const overlaps = (a: Interval, b: Interval, gap = 0) =>
  a.left < b.right + gap - EPSILON && b.left < a.right + gap - EPSILON;

const intervalArbitrary = fc
  .record({
    left: fc.double({ min: -500, max: 1500, noNaN: true }),
    width: fc.double({ min: 0, max: 400, noNaN: true }),
  })
  .map(({ left, width }) => ({ left, right: left + width }));

describe('packRows: claims and their labels into sub-rows', () => {
  it('never puts two intervals closer than the gap in one row', () => {
    fc.assert(
      fc.property(
        fc.array(intervalArbitrary, { maxLength: 40 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (intervals, gap) => {
          const rows = packRows(intervals, gap);
          expect(rows).toHaveLength(intervals.length);
          for (let i = 0; i < intervals.length; i++) {
            for (let j = i + 1; j < intervals.length; j++) {
              if (rows[i] === rows[j])
                expect(overlaps(intervals[i] as Interval, intervals[j] as Interval, gap)).toBe(false);
            }
          }
        },
      ),
    );
  });

  it('uses no more rows than the most intervals that crowd one point (the fewest possible)', () => {
    fc.assert(
      fc.property(
        fc.array(intervalArbitrary, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (intervals, gap) => {
          const rows = packRows(intervals, gap);
          // The most intervals that all reach the start of one of them: any packing needs that many rows.
          const depth = Math.max(
            ...intervals.map(
              (at, i) =>
                intervals.filter(
                  (other, j) =>
                    j === i ||
                    ((other.left < at.left || (other.left === at.left && j < i)) && at.left < other.right + gap),
                ).length,
            ),
          );
          expect(Math.max(...rows) + 1).toBe(depth);
        },
      ),
    );
  });

  it('keeps input order among intervals that start together', () => {
    expect(
      packRows(
        [
          { left: 0, right: 10 },
          { left: 0, right: 5 },
          { left: 20, right: 30 },
        ],
        2,
      ),
    ).toEqual([0, 1, 0]);
  });
});

describe('label helpers', () => {
  const words = fc.array(fc.stringMatching(/^[a-z0-9,’]{1,12}$/), { minLength: 1, maxLength: 12 });

  it('laneHeader keeps each line within the width, the count on the last line or its own', () => {
    fc.assert(
      fc.property(
        words,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 120, max: 640 }),
        (list, count, maxWidth) => {
          const lines = laneHeader(list.join(' '), `${count} claims`, maxWidth);
          expect(lines.at(-1)?.count).toBe(`${count} claims`);
          for (const line of lines) {
            if (line.name.includes(' ') || line.count === '') continue;
            expect(line.width).toBeLessThanOrEqual(maxWidth);
          }
        },
      ),
    );
  });

  it('labelSide keeps a label inside its limits and off its own mark', () => {
    fc.assert(
      fc.property(
        intervalArbitrary,
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        (mark, labelWidth, gap) => {
          const side = labelSide(mark, labelWidth, gap, 0, 640);
          if (side === null) return;
          const label =
            side === 'right'
              ? { left: mark.right + gap, right: mark.right + gap + labelWidth }
              : { left: mark.left - gap - labelWidth, right: mark.left - gap };
          expect(label.left).toBeGreaterThanOrEqual(-EPSILON);
          expect(label.right).toBeLessThanOrEqual(640 + EPSILON);
          expect(overlaps(label, mark)).toBe(false);
        },
      ),
    );
  });
});

describe('the rendered timeline', () => {
  const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

  function parse(width: number) {
    const markup = renderChart(timeline, data, width);
    const document = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const svg = document.querySelector('svg');
    if (!svg) throw new Error('no <svg> rendered');
    return { svg, markup };
  }

  const num = (element: Element, name: string) => Number(element.getAttribute(name) ?? Number.NaN);

  /**
   * The width of a text element in DejaVu Sans, the widest font a reader may get, run by run when it
   * is made of tspans (a lane's bold name, then its muted count). Size and weight are often set once
   * on a group, so they are read from the nearest ancestor that has them.
   */
  function measuredWidth(text: Element): number {
    const size = Number(text.closest('[font-size]')?.getAttribute('font-size') ?? 14);
    const weightOf = (element: Element) =>
      Number(element.closest('[font-weight]')?.getAttribute('font-weight') ?? 400) >= 600 ? 'bold' : 'regular';
    const runs = [...text.querySelectorAll('tspan')];
    if (runs.length === 0) return textWidth(text.textContent ?? '', size, weightOf(text));
    return runs.reduce(
      (sum, run) => sum + Number(run.getAttribute('dx') ?? 0) + textWidth(run.textContent ?? '', size, weightOf(run)),
      0,
    );
  }

  /** The box a text element takes, measured as above. */
  function textBox(text: Element): Interval & { top: number; bottom: number } {
    const width = measuredWidth(text);
    const x = num(text, 'x');
    const anchor = text.closest('[text-anchor]')?.getAttribute('text-anchor') ?? 'start';
    const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
    // y is the baseline (plus dy, in em, where a text has one); the glyphs' middle is 0.35 em above it.
    const size = Number(text.closest('[font-size]')?.getAttribute('font-size') ?? 14);
    const dy = text.getAttribute('dy');
    const middle = num(text, 'y') + (dy ? Number.parseFloat(dy) * size : 0) - 0.35 * size;
    return { left, right: left + width, top: middle - 7, bottom: middle + 7 };
  }

  const collide = (a: Interval & { top: number; bottom: number }, b: Interval & { top: number; bottom: number }) =>
    overlaps(a, b) && a.top < b.bottom - EPSILON && b.top < a.bottom - EPSILON;

  describe.each(Object.entries(VARIANT_WIDTHS))('%s', (_variant, width) => {
    it('sets its size and viewBox and keeps every text inside the width', () => {
      const { svg } = parse(width);
      const height = num(svg, 'height');
      expect(num(svg, 'width')).toBe(width);
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
      for (const text of svg.querySelectorAll('text')) {
        const box = textBox(text);
        expect(box.left, text.textContent ?? '').toBeGreaterThanOrEqual(0);
        expect(box.right, text.textContent ?? '').toBeLessThanOrEqual(width);
        expect(box.bottom, text.textContent ?? '').toBeLessThanOrEqual(height);
      }
    });

    it('draws each claim once, as a link named by its label and titled with the same text', () => {
      const { svg } = parse(width);
      const links = [...svg.querySelectorAll('a')];
      expect(links.map((link) => link.getAttribute('href')).sort()).toEqual(
        data.claims.map((claim) => `#claim-${claim.id}`).sort(),
      );
      for (const link of links) {
        const claimId = link.getAttribute('href')!.replace('#claim-', '');
        // Named by aria-label: embed pages drop the <title> tooltips (Chart.astro).
        expect(link.getAttribute('aria-label')).toBe(claimLabel(data, data.claimById.get(claimId)!));
        expect(link.querySelector('title')?.textContent).toBe(link.getAttribute('aria-label'));
      }
    });

    it('labels figures without collisions: no label over another label or any claim’s mark', () => {
      const { svg } = parse(width);
      const labels = [...svg.querySelectorAll('.timeline-figure-labels text')].map(textBox);
      const marks = [...svg.querySelectorAll('a rect, a circle')].map((shape) => {
        const isCircle = shape.tagName.toLowerCase() === 'circle';
        const left = isCircle ? num(shape, 'cx') - num(shape, 'r') : num(shape, 'x');
        const right = isCircle ? num(shape, 'cx') + num(shape, 'r') : left + num(shape, 'width');
        const top = isCircle ? num(shape, 'cy') - num(shape, 'r') : num(shape, 'y');
        const bottom = isCircle ? num(shape, 'cy') + num(shape, 'r') : top + num(shape, 'height');
        return { left, right, top, bottom };
      });
      for (const [index, label] of labels.entries()) {
        for (const other of labels.slice(index + 1)) expect(collide(label, other)).toBe(false);
        for (const mark of marks) expect(collide(label, mark)).toBe(false);
      }
      // Every figure keeps a label at both sizes: on a phone, where neither the full label nor the
      // figure and act fit beside its mark, the figure alone ("33 a day").
      expect(labels.length).toBe(data.claims.length);
    });

    it('numbers the events with markers that never touch, and lists them in a key', () => {
      const { svg } = parse(width);
      const markers = [...svg.querySelectorAll('.timeline-event-markers circle')];
      expect(markers).toHaveLength(data.events.length);
      for (const [index, marker] of markers.entries()) {
        expect(num(marker, 'cx') - num(marker, 'r')).toBeGreaterThanOrEqual(0);
        expect(num(marker, 'cx') + num(marker, 'r')).toBeLessThanOrEqual(width);
        for (const other of markers.slice(index + 1)) {
          const distance = Math.hypot(num(marker, 'cx') - num(other, 'cx'), num(marker, 'cy') - num(other, 'cy'));
          expect(distance).toBeGreaterThanOrEqual(num(marker, 'r') + num(other, 'r'));
        }
      }
      // A wrapped title is one <text> per line; joined with spaces it reads as written.
      const entries = [...svg.querySelectorAll('.timeline-event-key > g')].map((entry) =>
        [...entry.querySelectorAll('text')].map((text) => text.textContent).join(' '),
      );
      for (const event of data.events)
        expect(
          entries.some((entry) => entry.includes(event.title)),
          event.title,
        ).toBe(true);
    });

    it('hides decoration from screen readers and names the data groups', () => {
      const { svg } = parse(width);
      for (const name of [
        'timeline-grid',
        'timeline-event-rules',
        'timeline-event-markers',
        'timeline-key',
        'timeline-figure-labels',
      ]) {
        expect(svg.querySelector(`.${name}`)?.getAttribute('aria-hidden'), name).toBe('true');
      }
      const lanes = [...svg.querySelectorAll('.timeline-claims > g[aria-label]')];
      // One lane per set of claimants: 9 claimants, and the joint 453/3,000 (NUG with People's
      // Embrace), 1,500/1,000 (People's Embrace with the Police CDM Channel) and 750 (the alliance
      // with unnamed opposition sources, one wording each) get lanes of their own; People's Embrace
      // and the opposition sources have no claim alone, so 9 − 2 + 3 = 10.
      const groups = new Set(
        data.claims.map((claim) => [claim.claimant_id, ...claim.co_claimant_ids].sort().join(' ')),
      );
      expect(groups.size).toBe(10);
      expect(lanes.length).toBe(groups.size);
    });

    it('puts no text below 12 px', () => {
      const { markup } = parse(width);
      const sizes = [...markup.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((match) => Number(match[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    });
  });

  it('has one row per reading of each claim and says none is independently verified', () => {
    // A claim with no rows in readings.csv is its own only reading.
    const readings = data.claims.reduce(
      (sum, claim) => sum + Math.max(1, data.readings.filter((reading) => reading.claim_id === claim.id).length),
      0,
    );
    expect(readings).toBeGreaterThan(data.claims.length);
    expect(timeline.rows(data)).toHaveLength(readings);
    // The 20,000 is listed under both readings, each with the span it gives.
    const twenty = timeline.rows(data).filter((row: { claimId: string }) => row.claimId === 'nug-cdm-20000-2023-12');
    expect(twenty.map((row: { start: string | null }) => row.start)).toEqual(['2021-02-01', '2021-12']);
    const description = timeline.describe(data);
    expect(description).toMatch(/^29 claims from 9 claimants/);
    expect(description).toMatch(/None of these claims has been independently verified\.$/);
  });

  it('draws month-precise dates across whole months, never on a made-up day', () => {
    const { svg } = parse(VARIANT_WIDTHS.wide);
    const barWidth = (claimId: string) =>
      num(svg.querySelector(`a[href="#claim-${claimId}"] rect`) as Element, 'width');
    // April to July 2023 is 1 April to 31 July (122 days); May to Sept 2022 is 1 May to 30 Sept (153).
    expect(barWidth('nug-defected-500-2023-08') / barWidth('locals-deserted-3-rathedaung-2022-09')).toBeCloseTo(
      122 / 153,
      2,
    );
  });

  it('draws a claim with no number hollow and dashed, labelled "no number", never with a word from its quote', () => {
    const { svg } = parse(VARIANT_WIDTHS.wide);
    for (const claim of data.claims.filter((candidate) => candidate.figure === null)) {
      const link = svg.querySelector(`a[href="#claim-${claim.id}"]`) as Element;
      const shape = link.querySelector('rect, circle') as Element;
      expect(shape.getAttribute('stroke-dasharray')).toBeTruthy();
      expect(shape.getAttribute('fill')).toBe('var(--background)');
    }
    // Seven vague claims, seven "no number" labels, and no quantity word taken from a quote.
    const labels = [...svg.querySelectorAll('.timeline-figure-labels text')].map((text) => text.textContent);
    expect(labels.filter((label) => label === 'no number')).toHaveLength(
      data.claims.filter((claim) => claim.figure === null).length,
    );
    for (const word of ['several', 'dozens', 'hundreds', 'many', 'undisclosed']) {
      expect(labels.some((label) => label?.toLowerCase().includes(word))).toBe(false);
    }
  });
});
