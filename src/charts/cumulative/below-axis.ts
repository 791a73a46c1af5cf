/**
 * What the cumulative chart draws under its plot, after Plot: the break marks on a squeezed axis
 * and the notes that give a total's readings or caveat, tied to its label by a mark (*, †).
 */
import { capitalise } from '../../lib/format.ts';
import type { AxisBreak } from '../broken-axis.ts';
import { CHART_FONT_SIZE } from '../render.ts';
import { LINE_HEIGHT } from '../shared.ts';
import { wrapText } from '../text-metrics.ts';
import type { TotalRow } from './rows.ts';

/** Marks pairing a total's label with the note under the axis that gives its readings or its caveat. */
const NOTE_MARKS = ['*', '†', '‡'];

/** The notes, wrapped to the width, and the mark pairing each noted total's label with its note. */
export function readingNotes(rows: readonly TotalRow[], width: number) {
  // A total the article allows to be read two ways is marked in its label and both readings are
  // written under the axis, so neither reads as the only one (the label itself would grow too
  // tall to fit beside its mark on a phone).
  const noted = rows.filter((row) => row.readings || row.caveat);
  const noteMarks = new Map(noted.map((row, index) => [row.claimId, NOTE_MARKS[index % NOTE_MARKS.length] as string]));
  const notes = noted.map((row) =>
    // The mark ties the note to its labelled total; repeating the figure here would split "more
    // than 20,000 ... joined the CDM" across lines, a total without its measure on one of them.
    wrapText(
      `${noteMarks.get(row.claimId)} ${[row.readings ? `Counted as ${row.readings}` : '', capitalise(row.caveat)].filter(Boolean).join('. ')}`,
      width - 8,
      CHART_FONT_SIZE,
    ),
  );
  const height = notes.reduce((sum, lines) => sum + lines.length * LINE_HEIGHT + 4, 0);
  return { noteMarks, notes, height };
}

/**
 * Each squeezed year is marked as a break: a pair of slashes across the axis at either edge of its
 * gap, the usual sign that the scale does not run on through it.
 */
export function drawAxisBreaks(svg: SVGSVGElement, document: Document, breaks: readonly AxisBreak[], baseline: number) {
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('aria-hidden', 'true');
  path.setAttribute('class', 'chart-axis-break');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.5');
  path.setAttribute('fill', 'none');
  path.setAttribute(
    'd',
    breaks
      .flatMap((gap) => [gap.left + 3, gap.right - 3])
      .map((at) => `M${at - 2.5},${baseline + 4.5}L${at + 2.5},${baseline - 4.5}`)
      .join(''),
  );
  if (breaks.length > 0) svg.append(path);
}

/** The readings notes, from `top` (under the year names). */
export function drawReadingNotes(svg: SVGSVGElement, document: Document, notes: readonly string[][], top: number) {
  let noteY = top;
  for (const lines of notes) {
    for (const line of lines) {
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.setAttribute('x', '4');
      text.setAttribute('text-anchor', 'start');
      text.setAttribute('y', String(noteY + CHART_FONT_SIZE / 2));
      text.setAttribute('dy', '0.35em');
      text.setAttribute('fill', 'currentColor');
      text.setAttribute('font-size', String(CHART_FONT_SIZE));
      text.textContent = line;
      svg.append(text);
      noteY += LINE_HEIGHT;
    }
    noteY += 4;
  }
}
