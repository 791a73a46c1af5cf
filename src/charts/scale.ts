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

/** Rows one section of a list-like chart draws (a kind of rate, say); past this, the rest are counted in a note. */
export const ROWS_PER_SECTION = 8;

/** Figures a description lists one by one in a sentence; past this, it counts them (by reason, say). */
export const LISTED_IN_SENTENCE = 20;

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

/**
 * Gathers items, sorted by their position in px, into runs no wider than `span`: each run becomes
 * one mark drawn at its middle. A run starts past the last one's end, so two marks' middles are
 * more than span / 2 apart and marks up to span / 2 wide never overlap, at any width.
 */
export function runsByPosition<Item>(items: readonly Item[], px: (item: Item) => number, span: number): Item[][] {
  const runs: Item[][] = [];
  let start = Number.NEGATIVE_INFINITY;
  for (const item of [...items].sort((a, b) => px(a) - px(b))) {
    if (px(item) > start + span) {
      runs.push([]);
      start = px(item);
    }
    runs.at(-1)!.push(item);
  }
  return runs;
}
