/**
 * One claim drawn: its running-total line or dotted lead-in, its bar, dot or capsule (hollow and
 * dashed when it gives no number), a link to its row in the claims table, and its figure label.
 */
import { cssVar } from '../palette.ts';
import { CHART_FONT_SIZE } from '../render.ts';
import { claimAnchor } from '../shared.ts';
import type { Keepout } from '../keepout.ts';
import { DOT_RADIUS, LABEL_GAP, measureLabel, type Layout, type MarkShape } from './layout.ts';
import { appendText, type AnySelection } from './svg.ts';

/**
 * Where claims' figure labels go: right of their marks (start-anchored) or left (end-anchored);
 * a grouped lane's counts centred under their marks (only drawn when a lane is grouped).
 */
export interface LabelLayers {
  start: AnySelection;
  end: AnySelection;
  middle?: AnySelection;
}

/** The box a line of chart text centred on `cy` keeps clear of rules and bands: its glyphs and 3 px around. */
export function labelKeepout(left: number, right: number, cy: number): Keepout {
  return { left: left - 3, right: right + 3, top: cy - CHART_FONT_SIZE / 2 - 3, bottom: cy + CHART_FONT_SIZE / 2 + 4 };
}

/** One claim as a link to its row in the claims table, announced with its full label. */
export function drawClaim(
  group: AnySelection,
  layers: LabelLayers,
  shape: MarkShape,
  cy: number,
  layout: Layout,
  keepouts: Keepout[],
) {
  const { row, color, body } = shape;
  const link = group.append<SVGElement>('a').attr('href', claimAnchor(row.claimId)).attr('aria-label', row.label);
  link.append('title').text(row.label);
  const half = layout.barHeight / 2;
  const hollow = (selection: AnySelection) =>
    row.vague
      ? selection
          .attr('fill', cssVar('background'))
          .attr('stroke', color)
          .attr('stroke-width', 1.5)
          .attr('stroke-dasharray', '3 2')
      : selection.attr('fill', color);
  // Measured in DejaVu Sans, the widest font a reader may get: a line that stops short of the label
  // there stops short of it in any font.
  const labelWidth = measureLabel(shape.labelText);
  const labelRight = shape.labelSide === 'right';
  const labelLeft = labelRight ? body.right + LABEL_GAP : body.left - LABEL_GAP - labelWidth;
  // Lines are drawn as paths ("M6,202H45.5"): a third of the bytes of a <line>, for the embed's budget.
  if (shape.lineFrom !== null) {
    // A label set left of a running total's cap sits on the total's own line. The line is drawn
    // above the labels' halos, so it has to stop short of the label by itself.
    const lineTo = shape.labelSide === 'left' ? labelLeft - 3 : body.left;
    // Where only one reading runs the count from the coup, the line is dotted up to the date the
    // other reading starts it: the dotted stretch is there under one reading, not the other.
    const solidFrom = Math.min(Math.max(shape.solidFrom ?? shape.lineFrom, shape.lineFrom), lineTo);
    if (solidFrom > shape.lineFrom) {
      link
        .append('path')
        .attr('d', `M${shape.lineFrom},${cy}H${solidFrom}`)
        .attr('stroke', color)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', '1 3')
        .attr('stroke-linecap', 'round');
    }
    if (lineTo > solidFrom) {
      link.append('path').attr('d', `M${solidFrom},${cy}H${lineTo}`).attr('stroke', color).attr('stroke-width', 1.5);
    }
  }
  if (shape.tailFrom !== null) {
    // The count ran from a date the claim does not give: a dotted lead-in says "earlier, unknown".
    link
      .append('path')
      .attr('d', `M${shape.tailFrom},${cy}H${body.left}`)
      .attr('stroke', color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', '1 3')
      .attr('stroke-linecap', 'round');
  }
  if (shape.bodyShape === 'dot') {
    hollow(
      link
        .append<SVGElement>('circle')
        .attr('cx', (body.left + body.right) / 2)
        .attr('cy', cy)
        .attr('r', row.vague ? DOT_RADIUS - 0.75 : DOT_RADIUS),
    );
  } else {
    // A stroked shape is inset by half its stroke so that hollow and solid marks cover the same days.
    const inset = row.vague ? 0.75 : 0;
    hollow(
      link
        .append<SVGElement>('rect')
        .attr('x', body.left + inset)
        .attr('y', cy - half + inset)
        .attr('width', Math.max(0.5, body.right - body.left - 2 * inset))
        .attr('height', layout.barHeight - 2 * inset)
        .attr('rx', shape.bodyShape === 'capsule' ? half - inset : null),
    );
  }
  if (shape.labelSide !== null) {
    // The label is outside the link, in a hidden layer: the link already announces the figure, and
    // the focus ring then outlines the mark rather than smudging the text.
    appendText(labelRight ? layers.start : layers.end, shape.labelText, {
      x: labelRight ? labelLeft : labelLeft + labelWidth,
      y: cy,
    });
    keepouts.push(labelKeepout(labelLeft, labelLeft + labelWidth, cy));
  }
}
