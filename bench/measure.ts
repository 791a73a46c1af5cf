/**
 * Loading one page the way a reader on a mid-range phone would, and measuring it: Chromium with
 * the CPU slowed 4x and the network shaped to Lighthouse's "slow 4G" profile (150 ms RTT, 1.6 Mbps
 * down, 750 kbps up, with DevTools' adjustment factors), cache off. We count the bytes that cross
 * the network (headers and gzipped bodies, from the DevTools protocol) and the time from navigation
 * until the first chart is visible: the first animation frame in which an <svg> inside a
 * figure.chart has a size and is not hidden, and never earlier than the first contentful paint.
 */
import type { Browser } from 'playwright-core';

export const SLOW_4G = {
  rttMs: 150,
  latencyMs: 150 * 3.75,
  downloadBytesPerSecond: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadBytesPerSecond: (750 * 0.9 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;
export const VIEWPORT = { width: 412, height: 823 };

export interface LoadMeasurement {
  bytes: number;
  requests: number;
  firstChartMs: number;
  fcpMs: number;
  loadMs: number;
}

declare global {
  interface Window {
    __firstChartAt?: number;
  }
}

/** Runs in the page before its own scripts; CDP injects it outside the page's CSP. */
function watchForFirstChart() {
  const visible = () =>
    [...document.querySelectorAll('figure.chart svg')].some((svg) => {
      const box = svg.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && svg.checkVisibility();
    });
  const tick = () => {
    if (visible()) window.__firstChartAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function measureLoad(browser: Browser, url: string): Promise<LoadMeasurement> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_4G.latencyMs,
    downloadThroughput: SLOW_4G.downloadBytesPerSecond,
    uploadThroughput: SLOW_4G.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests++;
  });
  await page.addInitScript(watchForFirstChart);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__firstChartAt !== undefined, undefined, { timeout: 120_000, polling: 100 });
  // Let anything the page fetches after load arrive before counting bytes.
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  const timings = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { firstChart: window.__firstChartAt ?? Number.NaN, fcp, load: navigation?.loadEventEnd ?? 0 };
  });
  await context.close();
  return {
    bytes,
    requests,
    firstChartMs: Math.max(timings.firstChart, timings.fcp),
    fcpMs: timings.fcp,
    loadMs: timings.load,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A timing over several runs: the median, and the spread around it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spread(values: number[]): Spread {
  const finite = values.filter((value) => Number.isFinite(value));
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : Number.NaN,
    max: finite.length ? Math.max(...finite) : Number.NaN,
    runs: finite.length,
  };
}

/** "1,234 ms (1,100–1,500)": a median with its min and max. */
export function formatSpread(value: Spread, unit = 'ms'): string {
  const number = (n: number) => Math.round(n).toLocaleString('en');
  return `${number(value.median)} ${unit} (${number(value.min)}–${number(value.max)})`;
}
