/**
 * Lighthouse (Performance, Accessibility, Best Practices, SEO) on one URL, offline: a fresh
 * Chromium for each run, started by us with a DevTools port, and Lighthouse's default mobile
 * settings, which simulate the same 4x CPU slowdown and slow-4G network.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS } from '../tests/browser/lib/chromium.ts';
import { spread, type Spread } from './measure.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  scores: Record<Category, number | null>;
  /** Audits in a category that did not score full marks, for the report. */
  shortfalls: string[];
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; totalBytes: number };
}

async function startChromium(executable: string): Promise<{ port: number; stop: () => void }> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const child = spawn(
    executable,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const stop = () => {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolvePort, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port:\n${output}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`Chromium exited (${code}) before giving a DevTools port:\n${output}`)),
    );
  }).catch((error: unknown) => {
    stop();
    throw error;
  });
  return { port, stop };
}

export async function runLighthouse(executable: string, url: string): Promise<LighthouseResult> {
  const chrome = await startChromium(executable);
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [
        id,
        lhr.categories[id]?.score == null ? null : Math.round((lhr.categories[id]?.score ?? 0) * 100),
      ]),
    ) as Record<Category, number | null>;
    const shortfalls: string[] = [];
    for (const id of CATEGORIES) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          shortfalls.push(`${id}: ${audit.id} (${audit.title})`);
      }
    }
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      scores,
      shortfalls,
      metrics: {
        fcpMs: numeric('first-contentful-paint'),
        lcpMs: numeric('largest-contentful-paint'),
        tbtMs: numeric('total-blocking-time'),
        totalBytes: numeric('total-byte-weight'),
      },
    };
  } finally {
    chrome.stop();
  }
}

/** Several Lighthouse runs of one page: each score and metric as a median with its min and max. */
export interface LighthouseSummary {
  runs: number;
  scores: Record<Category, Spread>;
  metrics: Record<keyof LighthouseResult['metrics'], Spread>;
  /** Audits that fell short in any run, each once. */
  shortfalls: string[];
  /** The 1-minute load average before each run. */
  loadAverages: number[];
}

export function summariseLighthouse(results: LighthouseResult[], loadAverages: number[] = []): LighthouseSummary {
  const metricNames = ['fcpMs', 'lcpMs', 'tbtMs', 'totalBytes'] as const;
  return {
    runs: results.length,
    scores: Object.fromEntries(
      CATEGORIES.map((id) => [id, spread(results.map((result) => result.scores[id] ?? Number.NaN))]),
    ) as Record<Category, Spread>,
    metrics: Object.fromEntries(
      metricNames.map((name) => [name, spread(results.map((result) => result.metrics[name]))]),
    ) as LighthouseSummary['metrics'],
    shortfalls: [...new Set(results.flatMap((result) => result.shortfalls))],
    loadAverages,
  };
}

/** Lighthouse `runs` times on one URL, one after another, each in a fresh Chromium. */
export async function runLighthouseRepeatedly(
  executable: string,
  url: string,
  runs: number,
): Promise<LighthouseSummary> {
  const results: LighthouseResult[] = [];
  const loadAverages: number[] = [];
  for (let run = 0; run < runs; run++) {
    loadAverages.push(Math.round(loadavg()[0]! * 100) / 100);
    results.push(await runLighthouse(executable, url));
  }
  return summariseLighthouse(results, loadAverages);
}
