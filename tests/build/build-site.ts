/** Runs `astro build` the way npm scripts do (Node 24 from the node devDependency), for tests. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
/** Where the test build goes: not dist/, so tests never clobber a site someone is previewing. */
export const BUILT_SITE = join(PROJECT_ROOT, 'test-output', 'dist');

export interface BuildResult {
  code: number;
  output: string;
}

/**
 * Vitest copies Vite's env (BASE_URL, MODE, DEV, PROD, SSR) and NODE_ENV=test into process.env of
 * its workers. A child `astro build` must not inherit them: it would take BASE_URL=/ for its own and
 * build links without the BASE_PATH base.
 */
const VITEST_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']);

function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_ENV.has(name)));
}

export function buildSite(options: {
  root?: string;
  outDir: string;
  env?: Record<string, string>;
}): Promise<BuildResult> {
  const root = options.root ?? PROJECT_ROOT;
  const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((resolvePromise) => {
    // process.execPath is the Node that runs the tests: Node 24 under `npm test`.
    const child = spawn(process.execPath, [astro, 'build', '--root', root, '--outDir', options.outDir], {
      cwd: root,
      env: { ...inheritedEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}
