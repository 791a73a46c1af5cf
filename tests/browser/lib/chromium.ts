/**
 * Finding and launching the system's Chromium (Debian's package), which playwright-core drives.
 * We never download a browser: when none is installed the tests fail and say how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags for a quiet, reproducible headless browser that contacts nothing but our server. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(): string | null {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const NO_CHROMIUM_MESSAGE = [
  process.env.CHROME_PATH
    ? `No Chromium at CHROME_PATH=${process.env.CHROME_PATH}.`
    : `No Chromium found (looked at ${CANDIDATES.join(', ')}).`,
  'The browser tests need a real Chromium and do not skip without one. Install it with:',
  '  apt-get update && apt-get install -y chromium fonts-dejavu-core',
  'or point CHROME_PATH at a Chromium or Chrome binary. (.ci/run installs it when missing.)',
].join('\n');

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}
