/**
 * A throwaway copy of the project (sources, data, config; node_modules linked) for build tests that
 * change the data, so that they never touch data/ or the test build of the real site.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build-site.ts';

export interface ProjectCopy {
  root: string;
  remove: () => void;
}

export function copyProject(prefix: string): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['src', 'public', 'data', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
