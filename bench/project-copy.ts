/**
 * A throwaway copy of the project for the bench to build in, so that nothing else building in the
 * checkout (a test run, another helper's `npm run build`) can disturb a measured build: an earlier
 * x100 run failed after 23 minutes because another build replaced `.astro/.prerender/` under it.
 *
 * The copy holds the files git knows of (tracked, and new files not ignored: the work being
 * measured), copied; and node_modules hard-linked, which costs seconds and no space. Build caches
 * (node_modules/.cache, node_modules/.astro, node_modules/.vite) are left out, so every copy starts
 * cold and the bench's own caches (PNG_CACHE_DIR) are the only ones it reuses.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Caches under node_modules that a measured build must not inherit. */
export const CACHE_FOLDERS = new Set(['.cache', '.astro', '.vite']);

/** The files git would commit: tracked (unless deleted) and untracked but not ignored. */
export function projectFiles(projectRoot: string): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${projectRoot}: ${listed.stderr}`);
  return [...new Set(listed.stdout.split('\0').filter(Boolean))].filter((file) => existsSync(join(projectRoot, file)));
}

export interface ProjectCopy {
  root: string;
  remove: () => void;
}

/** Copies the project into a new folder under `parent` (the system's temp folder by default). */
export function copyProject(projectRoot: string, parent = tmpdir()): ProjectCopy {
  const root = mkdtempSync(join(parent, 'bench-project-'));
  for (const file of projectFiles(projectRoot)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(projectRoot, file), join(root, file));
  }
  const modules = join(projectRoot, 'node_modules');
  mkdirSync(join(root, 'node_modules'));
  const entries = readdirSync(modules).filter((name) => !CACHE_FOLDERS.has(name));
  // cp -al: every file hard-linked (same inode, no bytes copied), the tree of folders new.
  const linked = spawnSync('cp', ['-al', ...entries.map((name) => join(modules, name)), join(root, 'node_modules')], {
    encoding: 'utf8',
  });
  if (linked.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`Could not hard-link node_modules into ${root}: ${linked.stderr}`);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
