/** The collision check on hand-made SVGs: it must see what a graphics editor sees, and no more. */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/charts/text-metrics.ts';
import { findCollisions } from './collisions.ts';
import { readGeometry } from './geometry.ts';

const svg = (body: string) => `<svg width="300" height="200" font-size="14" text-anchor="middle">${body}</svg>`;

describe('readGeometry', () => {
  it('measures text with the charts’ metrics, honouring anchor, transforms, em offsets and tspans', () => {
    const { texts } = readGeometry(
      svg(
        '<g transform="translate(10,20)" text-anchor="end"><text transform="translate(100,50)" y="0.3em">Police</text></g>' +
          '<text x="20" y="100" text-anchor="start"><tspan x="0" dy="1em">one</tspan><tspan x="0" dy="1.25em">two</tspan></text>',
      ),
    );
    const width = textWidth('Police', 14);
    expect(texts[0]?.box.right).toBeCloseTo(110);
    expect(texts[0]?.box.left).toBeCloseTo(110 - width);
    // Baseline at 70 + 0.3 em; the ascent reaches 0.76 em above it.
    expect(texts[0]?.box.top).toBeCloseTo(70 + 0.3 * 14 - 0.76 * 14);
    expect(texts.map((line) => line.text)).toEqual(['Police', 'one', 'two']);
    // A tspan's x replaces the text's; its dy adds to the line above.
    expect(texts[1]?.box.left).toBe(0);
    expect((texts[2]?.box.bottom ?? 0) - (texts[1]?.box.bottom ?? 0)).toBeCloseTo(1.25 * 14);
  });

  it('reads dots drawn as arc paths as circles, open paths as segments, and skips grid lines', () => {
    const geometry = readGeometry(
      svg(
        '<path d="M6,0A6,6,0,1,1,-6,0A6,6,0,1,1,6,0" transform="translate(50,60)"/>' +
          '<path d="M0,0L10,10M20,0L20,5"/><g aria-label="y-grid"><line x1="0" x2="300" y1="5" y2="5"/></g>',
      ),
    );
    expect(geometry.shapes).toMatchObject([{ kind: 'circle', cx: 50, cy: 60, r: 6 }]);
    expect(geometry.segments).toHaveLength(2);
  });

  it('refuses what it cannot measure instead of passing it', () => {
    expect(() => readGeometry(svg('<text transform="rotate(-90)">x</text>'))).toThrow(/translate/);
  });
});

describe('findCollisions', () => {
  it('finds two labels on top of each other, and not two labels side by side', () => {
    const label = (x: number, y: number) => `<text x="${x}" y="${y}" text-anchor="start">label</text>`;
    expect(findCollisions(readGeometry(svg(label(10, 50) + label(20, 55))))).toHaveLength(1);
    expect(findCollisions(readGeometry(svg(label(10, 50) + label(10, 70))))).toEqual([]);
  });

  it('finds a label over a mark or across a line, and one that leaves the chart', () => {
    const text = '<text x="10" y="50" text-anchor="start">label</text>';
    expect(findCollisions(readGeometry(svg(text + '<circle cx="20" cy="48" r="4"/>')))).toHaveLength(1);
    expect(findCollisions(readGeometry(svg(text + '<line x1="0" x2="100" y1="45" y2="45"/>')))).toHaveLength(1);
    expect(findCollisions(readGeometry(svg('<text x="290" y="50" text-anchor="start">label</text>')))).toHaveLength(1);
  });

  it('lets a number sit inside its circle, but not spill over its edge', () => {
    const numbered = (digits: string, r: number) =>
      svg(`<circle cx="50" cy="50" r="${r}"/><text x="50" y="50" dy="0.35em">${digits}</text>`);
    expect(findCollisions(readGeometry(numbered('1', 9)))).toEqual([]);
    expect(findCollisions(readGeometry(numbered('10', 9)))).toHaveLength(1);
  });

  it('lets a leader line touch its label at its end, but not cross it', () => {
    const text = '<text x="50" y="50" text-anchor="start">label</text>';
    const leader = (x2: number) => `<g aria-label="leader"><line x1="0" y1="46" x2="${x2}" y2="46"/></g>`;
    expect(findCollisions(readGeometry(svg(text + leader(53))))).toEqual([]);
    expect(findCollisions(readGeometry(svg(text + leader(200))))).toHaveLength(1);
    // An ordinary line ending in a label is a collision.
    expect(findCollisions(readGeometry(svg(text + '<line x1="0" y1="46" x2="53" y2="46"/>')))).toHaveLength(1);
  });
});

describe('readGeometry on runs of text', () => {
  it('reads a tspan without a position as the same line, continuing where the last one ended', () => {
    const { texts } = readGeometry(
      svg(
        '<text x="10" y="50" text-anchor="start"><tspan font-weight="600">NUG</tspan><tspan dx="8">6 claims</tspan></text>',
      ),
    );
    expect(texts).toHaveLength(1);
    expect(texts[0]?.text).toBe('NUG6 claims');
    expect(texts[0]?.box.right).toBeCloseTo(10 + textWidth('NUG', 14, 'bold') + 8 + textWidth('6 claims', 14));
  });
});

describe('readGeometry on paths of several pieces', () => {
  it('reads each closed subpath as a box of its own, so a label in the gap between two is clear', () => {
    const geometry = readGeometry(
      svg('<path d="M10,0h20V40H10ZM10,60h20V100H10Z"/><text x="0" y="52" text-anchor="start">gap</text>'),
    );
    expect(geometry.shapes).toHaveLength(2);
    expect(findCollisions(geometry)).toEqual([]);
  });
});

describe('readGeometry on relative paths', () => {
  it('follows relative moves and lines from piece to piece', () => {
    const geometry = readGeometry(svg('<path d="M50,0v20m0,30v20"/><path d="M10,0h20v40h-20Zm0,60h20v40h-20Z"/>'));
    expect(geometry.segments.map((segment) => [segment.y1, segment.y2])).toEqual([
      [0, 20],
      [50, 70],
    ]);
    expect(geometry.shapes.map((shape) => shape.box)).toEqual([
      { left: 10, right: 30, top: 0, bottom: 40 },
      { left: 10, right: 30, top: 60, bottom: 100 },
    ]);
  });
});
