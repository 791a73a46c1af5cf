/**
 * How charts hold as the data grows (issue 13), in one place: the limits past which a chart stops
 * giving every claimant a row and every figure a label, and the helpers that group the rest. Each
 * chart module says in its doc comment which of these it applies. At the curated size (29 claims,
 * 9 claimants) no limit is reached, so the charts draw exactly what they drew before.
 */

/** Claimant rows a chart draws before the least-cited are grouped as "other claimants (count)". */
export const OWN_ROWS = 10;

/** Figures one row labels one by one; past this its figures are drawn grouped, unlabelled. */
export const LABELLED_PER_ROW = 8;

/** Stretches of the x axis a grouped row's figures are gathered into (one mark per stretch and act). */
export const AXIS_BINS = 24;

/**
 * Keeps the `limit` groups with the most items, in their original order, and returns the rest
 * apart. With `limit` or fewer groups, all are kept. When some are grouped, only `limit - 1` keep a
 * row, so that with the "other" row the chart still has `limit` rows.
 */
export function mostCited<Group>(
  groups: readonly Group[],
  size: (group: Group) => number,
  limit = OWN_ROWS,
): { own: Group[]; rest: Group[] } {
  if (groups.length <= limit) return { own: [...groups], rest: [] };
  const ranked = groups
    .map((group, order) => ({ group, order }))
    .sort((a, b) => size(b.group) - size(a.group) || a.order - b.order)
    .slice(0, limit - 1);
  const kept = new Set(ranked.map(({ group }) => group));
  return { own: groups.filter((group) => kept.has(group)), rest: groups.filter((group) => !kept.has(group)) };
}

/** The stretch of the axis (0 to bins - 1) a position in px falls in. */
export function axisBin(px: number, plotWidth: number, bins = AXIS_BINS): number {
  return Math.min(bins - 1, Math.max(0, Math.floor((px / plotWidth) * bins)));
}
