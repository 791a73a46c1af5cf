/**
 * The message an embed page sends its host when its height changes. Kept apart from embed.ts so that
 * the embed page's script imports these few bytes and nothing that draws charts.
 */

/** Prefix of our postMessage types, so that hosts and our snippet never mistake another site's messages for ours. */
export const MESSAGE_NAMESPACE = 'leaving-the-tatmadaw';

/** `{ type: RESIZE_MESSAGE_TYPE, chart: '<chart-id>', height: <CSS px> }` */
export const RESIZE_MESSAGE_TYPE = `${MESSAGE_NAMESPACE}:resize`;
