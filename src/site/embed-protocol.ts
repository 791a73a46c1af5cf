/**
 * The message an embed page sends its host when its height changes, and the rule for accepting it.
 * Kept apart from embed.ts so that the embed page's script imports these few bytes and nothing that
 * draws charts.
 */

/** Prefix of our postMessage types, so that hosts and our snippet never mistake another site's messages for ours. */
export const MESSAGE_NAMESPACE = 'leaving-the-tatmadaw';

/** `{ type: RESIZE_MESSAGE_TYPE, chart: '<chart-id>', height: <CSS px> }` */
export const RESIZE_MESSAGE_TYPE = `${MESSAGE_NAMESPACE}:resize`;

/**
 * The heights a host accepts, in CSS px. Our shortest embed is several hundred px and the tallest a
 * few thousand; anything outside this range is a fault or an attack (1e9 px would make the host page
 * 33 million px tall), not a chart.
 */
export const MIN_RESIZE_HEIGHT = 50;
export const MAX_RESIZE_HEIGHT = 20_000;

/**
 * The height a resize message asks for, rounded up to a whole pixel (so that nothing is clipped by
 * a fraction), or null when the message is to be ignored: not ours, or a height that is not a finite
 * number of the type number within MIN..MAX. Strings ("0x400", "700"), booleans, NaN and Infinity
 * are all refused, never converted. The host snippet (embed.ts hostSnippet) applies the same rule in
 * its few hand-written bytes; tests/unit/embed-resize.test.ts holds the two to the same answers.
 */
export function acceptedResizeHeight(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, height } = data as { type?: unknown; height?: unknown };
  if (type !== RESIZE_MESSAGE_TYPE || typeof height !== 'number') return null;
  if (!(height >= MIN_RESIZE_HEIGHT && height <= MAX_RESIZE_HEIGHT)) return null;
  return Math.ceil(height);
}
