/** The cumulative chart's text: its long description and its image alt text. */
import { formatPartialDate } from '../../lib/dates.ts';
import { ACTION_LABELS } from '../../lib/format.ts';
import { brokenTimeAxis } from '../broken-axis.ts';
import { STORY_START, storyEnd } from '../shared.ts';
import type { ChartData } from '../types.ts';
import { describeGrouped, drawnGrouped } from './at-scale.ts';
import { measuresOf, occupiedDates, totals, type TotalRow } from './rows.ts';

/**
 * One sentence per measure: every total with its caveat, date and readings, and who claims it; past
 * LABELLED_TOTALS, the labelled totals so and the rest counted (at-scale.ts).
 */
function totalsSentences(data: ChartData): { rows: TotalRow[]; parts: string[] } {
  const rows = totals(data).sort((a, b) => a.start.getTime() - b.start.getTime());
  // In data order, as the drawing picks its series (ties go to the first given).
  if (drawnGrouped(rows)) return { rows, parts: describeGrouped(data, totals(data)) };
  const parts = measuresOf(rows).map((action) => {
    const own = rows.filter((row) => row.action === action);
    const byClaimants = new Map<string, TotalRow[]>();
    for (const row of own) byClaimants.set(row.claimant, [...(byClaimants.get(row.claimant) ?? []), row]);
    const groups = [...byClaimants].map(
      ([claimants, list]) =>
        `${list.map((row) => `${row.clause}${row.caveat ? ` (${row.caveat})` : ''} by ${formatPartialDate(row.asOf)}${row.readings ? `, read as ${row.readings}` : ''}`).join(', ')}, claimed by ${claimants}`,
    );
    return `Totals of those who ${ACTION_LABELS[action]}: ${groups.join('; ')}`;
  });
  return { rows, parts };
}

/** The long description: every total, how the chart draws them and where it squeezes the axis. */
export function describeTotals(data: ChartData): string {
  const { rows, parts } = totalsSentences(data);
  // The description says where the drawing squeezes the axis, as the drawing's break marks do.
  const squeezed = brokenTimeAxis(STORY_START, storyEnd(data), occupiedDates(data, rows), 0, 1000, 40).breaks.map(
    (gap) => gap.from.getUTCFullYear(),
  );
  const axisNote =
    squeezed.length > 0
      ? ` The time axis squeezes ${squeezed.join(' and ')}, when no total was given and no marked event fell, into a narrow gap marked as a break.`
      : '';
  return `Running totals of soldiers and police said to have left the military since the February 2021 coup, drawn as separate series because they count different things. ${parts.join('. ')}.${axisNote} None of these figures has been independently verified.`;
}

/**
 * The image alt text: every total, its caveat and who claims it, without the description's notes
 * on how it is drawn, so that all of it fits in 1,000 characters.
 */
export function summariseTotals(data: ChartData): string {
  return `Running totals of soldiers and police said to have left the military since the February 2021 coup. ${totalsSentences(data).parts.join('. ')}.`;
}
