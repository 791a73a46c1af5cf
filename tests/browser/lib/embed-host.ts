/**
 * What the embed specs (embeds.spec.ts for charts, claim-embeds.spec.ts for claim cards) share to
 * paste our codes into a host page on another origin and read the iframes back: the host page, a
 * server for it, and the state of an embed's frame as both the host and the frame see it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';

/** A plain host article: serif body text, the codes in sections with room between them. */
export function hostPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><style>body{margin:0;font:16px/1.5 serif}section{margin:0 0 48px}</style></head><body>${body}</body></html>`;
}

/** Serves one origin's pages (path -> HTML) on 127.0.0.1 with a port of its own. */
export function servePages(pages: Record<string, string>): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const body = pages[new URL(request.url ?? '/', 'http://localhost').pathname];
    response.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The frame inside an iframe element, once it has loaded a page of ours under `path`. */
export async function embedFrame(page: Page, selector: string, path = '/embed/'): Promise<Frame> {
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  const handle = await element.elementHandle();
  const frame = await poll(
    async () => (await handle?.contentFrame()) ?? null,
    (candidate) => candidate !== null && candidate.url().includes(path),
  );
  if (!frame) throw new Error(`${selector}: the embed did not load`);
  await frame.waitForLoadState('load');
  return frame;
}

export interface FrameState {
  iframeHeight: number;
  contentHeight: number;
  scrollHeight: number;
  clientHeight: number;
  scrollWidth: number;
  clientWidth: number;
}

export async function frameState(page: Page, selector: string, frame: Frame): Promise<FrameState> {
  const iframeHeight = await page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);
  const inside = await frame.evaluate(() => ({
    contentHeight: document.documentElement.getBoundingClientRect().height,
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return { iframeHeight, ...inside };
}

export function describeState(state: FrameState): string {
  return `iframe ${state.iframeHeight.toFixed(1)} px, content ${state.contentHeight.toFixed(1)} px, scroll ${state.scrollWidth}×${state.scrollHeight} in ${state.clientWidth}×${state.clientHeight}`;
}
