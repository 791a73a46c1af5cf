/**
 * The timeline's keys, inside the SVG so downloads and embeds keep them: the mark shapes above the
 * chart and the numbered events below it.
 */
import { formatEventDate } from '../../lib/format.ts';
import { cssVar } from '../palette.ts';
import { CHART_FONT_SIZE } from '../render.ts';
import { flowRows } from '../shared.ts';
import { wrapText, wrapTextBreakingWords } from '../text-metrics.ts';
import { DOT_RADIUS, measureLabel, type Layout } from './layout.ts';
import { drawEventMarker, eventMarkerGroups, type PlacedEvent } from './markers.ts';
import { appendCentredText, appendText, type AnySelection } from './svg.ts';

/** Draws the sample glyph of one key entry centred on (cx, cy) in the neutral text colour. */
function drawKeyGlyph(group: AnySelection, kind: KeyKind, cx: number, cy: number) {
  const color = cssVar('muted');
  if (kind === 'year')
    group
      .append('rect')
      .attr('x', cx - 10)
      .attr('y', cy - 5)
      .attr('width', 20)
      .attr('height', 10)
      .attr('fill', color)
      .attr('fill-opacity', 0.3)
      .attr('stroke', color);
  if (kind === 'bar')
    group
      .append('rect')
      .attr('x', cx - 10)
      .attr('y', cy - 5)
      .attr('width', 20)
      .attr('height', 10)
      .attr('fill', color);
  if (kind === 'dot') group.append('circle').attr('cx', cx).attr('cy', cy).attr('r', DOT_RADIUS).attr('fill', color);
  if (kind === 'vague') {
    group
      .append('rect')
      .attr('x', cx - 9.25)
      .attr('y', cy - 4.25)
      .attr('width', 18.5)
      .attr('height', 8.5)
      .attr('fill', cssVar('background'))
      .attr('stroke', color)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '3 2');
  }
  if (kind === 'total') {
    group
      .append('line')
      .attr('x1', cx - 12)
      .attr('x2', cx + 8)
      .attr('y1', cy)
      .attr('y2', cy)
      .attr('stroke', color)
      .attr('stroke-width', 1.5);
    group
      .append('rect')
      .attr('x', cx + 6)
      .attr('y', cy - 5)
      .attr('width', 5)
      .attr('height', 10)
      .attr('fill', color);
  }
}

type KeyKind = 'bar' | 'dot' | 'vague' | 'total' | 'year';

const KEY_ENTRIES: { kind: KeyKind; text: string }[] = [
  { kind: 'bar', text: 'Count for a period' },
  { kind: 'dot', text: 'No period given' },
  { kind: 'vague', text: 'No number given' },
  { kind: 'total', text: 'Running total since the coup' },
];

/** The key entry for a grouped lane's marks (bounds.ts), drawn only when a lane is grouped. */
const YEAR_ENTRY: { kind: KeyKind; text: string } = { kind: 'year', text: 'Claims in a year (count below)' };

/**
 * The key to the mark shapes, flowed into as many lines as the width needs, from `top`. Returns
 * where the next part of the chart starts.
 */
export function drawShapeKey(
  root: AnySelection,
  layout: Layout,
  width: number,
  top: number,
  withYearGroups = false,
): number {
  const lineHeight = layout.lineHeight;
  const keyItems = (withYearGroups ? [...KEY_ENTRIES, YEAR_ENTRY] : KEY_ENTRIES).map((entry) => ({
    ...entry,
    width: 30 + measureLabel(entry.text),
  }));
  const keyRows = flowRows(
    keyItems.map((item) => item.width),
    width - 2 * layout.marginLeft,
    18,
  );
  const keyGroup = root
    .append<SVGElement>('g')
    .attr('aria-hidden', 'true')
    .attr('class', 'timeline-key')
    .attr('fill', cssVar('muted'));
  keyItems.forEach((item, index) => {
    const place = keyRows[index] as { row: number; left: number };
    const cy = top + place.row * lineHeight + lineHeight / 2;
    const left = layout.marginLeft + place.left;
    drawKeyGlyph(keyGroup, item.kind, left + 12, cy);
    appendText(keyGroup, item.text, { x: left + 30, y: cy });
  });
  return top + (Math.max(...keyRows.map((place) => place.row)) + 1) * lineHeight + 10;
}

/**
 * The key to the numbered events, from `top`. Wide: one line each, date column first, a
 * chronology. Narrow: the title wrapped, the date beneath it. Returns the key's bottom.
 */
export function drawEventKey(
  root: AnySelection,
  events: readonly PlacedEvent[],
  layout: Layout,
  width: number,
  top: number,
): number {
  const lineHeight = layout.lineHeight;
  const eventKey = root
    .append<SVGElement>('g')
    .attr('aria-label', 'Events marked on the timeline')
    .attr('class', 'timeline-event-key');
  const markerLeft = layout.marginLeft;
  const textLeft = markerLeft + layout.markerSize + 8;
  const dateWidth = Math.max(...events.map((placed) => measureLabel(formatEventDate(placed.event))));
  const inlineDate =
    textLeft + dateWidth + 12 + Math.max(...events.map((placed) => measureLabel(placed.event.title))) <= width;
  // The numbers only pair an entry with its marker on the chart; a screen reader gets the list.
  const keyMarkers = eventMarkerGroups(eventKey.append<SVGElement>('g').attr('aria-hidden', 'true'));
  let entryTop = top;
  for (const placed of events) {
    const cy = entryTop + lineHeight / 2;
    const entry = eventKey.append<SVGElement>('g');
    drawEventMarker(keyMarkers, placed.number, markerLeft + layout.markerSize / 2, cy, layout.markerSize);
    const date = formatEventDate(placed.event);
    if (inlineDate) {
      appendText(entry, date, { x: textLeft, y: cy, fill: cssVar('muted') });
      appendText(entry, placed.event.title, {
        x: textLeft + dateWidth + 12,
        y: cy,
      });
      entryTop += lineHeight + 6;
    } else {
      // Date and title wrapped as one run: the date leads the first line, in the muted colour.
      const dateWords = date.split(' ').length;
      const room = width - textLeft - 4;
      const run = `${date} ${placed.event.title}`;
      const lines = wrapTextBreakingWords(run, room, CHART_FONT_SIZE);
      // A word too long for the line (a name written without spaces) was broken with hyphens: the
      // entry's title gives it as written.
      if (wrapText(run, room, CHART_FONT_SIZE).some((line) => measureLabel(line) > room))
        entry.append('title').text(`${date}: ${placed.event.title}`);
      lines.forEach((line, lineIndex) => {
        const text = appendCentredText(entry, cy + lineIndex * lineHeight).attr('x', textLeft);
        const words = line.split(' ');
        const lead = lineIndex === 0 ? words.slice(0, dateWords).join(' ') : '';
        const rest = lineIndex === 0 ? words.slice(dateWords).join(' ') : line;
        if (lead) text.append('tspan').attr('fill', cssVar('muted')).text(lead);
        if (rest)
          text
            .append('tspan')
            .attr('dx', lead ? 6 : 0)
            .text(rest);
      });
      entryTop += lines.length * lineHeight + 8;
    }
  }
  return entryTop;
}

/**
 * Notes under the event key (what is grouped, which events are left out), wrapped to the width in
 * the muted colour, from `top`. Returns their bottom.
 */
export function drawNotes(
  root: AnySelection,
  notes: readonly string[],
  layout: Layout,
  width: number,
  top: number,
): number {
  const group = root.append<SVGElement>('g').attr('class', 'timeline-notes').attr('fill', cssVar('muted'));
  let lineTop = top + 4;
  for (const note of notes) {
    for (const line of wrapText(note, width - 2 * layout.marginLeft, CHART_FONT_SIZE)) {
      appendText(group, line, { x: layout.marginLeft, y: lineTop + layout.lineHeight / 2 });
      lineTop += layout.lineHeight;
    }
    lineTop += 4;
  }
  return lineTop;
}
