/**
 * The embed page's only script: reports the page's content height to the host whenever it changes,
 * so that a host can size the iframe to fit. It speaks three formats, because hosts listen for
 * different ones:
 *
 * - ours: `{ type: 'leaving-the-tatmadaw:resize', chart, height }`, which the host snippet
 *   (src/site/embed.ts hostSnippet) listens for;
 * - AMP's amp-iframe resize request: `{ sentinel: 'amp', type: 'embed-size', height }`;
 * - embed.ly's: the JSON string `{"context":"iframe.resize","src":…,"height":…}`.
 *
 * Heights are not secret, so they go to any parent ('*'); the receiving side checks the sender.
 */
import { RESIZE_MESSAGE_TYPE } from '../site/embed-protocol.ts';

export function reportHeight(chart: string): void {
  const host = window.parent;
  if (host === window) return;
  let reported = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    host.postMessage({ type: RESIZE_MESSAGE_TYPE, chart, height }, '*');
    host.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    host.postMessage(JSON.stringify({ context: 'iframe.resize', src: location.href, height }), '*');
  };
  // Fires once on observe, then on every change of the page's size: fonts, width, an opened <details>.
  new ResizeObserver(report).observe(document.documentElement);
}
