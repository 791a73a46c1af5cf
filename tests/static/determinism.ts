/** Comparing two builds byte for byte (building is tests/build/build-site.ts's job). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './dist.ts';

/**
 * Files that may legitimately differ between two builds, with the reason. Keep this list short
 * and explained: anything here is not reproducible.
 */
export const NONDETERMINISTIC_FILES: { pattern: RegExp; reason: string }[] = [];

/** Files present in one build only, or with different bytes; exceptions are left out. */
export function compareBuilds(first: string, second: string): string[] {
  const excepted = (file: string) => NONDETERMINISTIC_FILES.some((exception) => exception.pattern.test(file));
  const firstFiles = new Set(listFiles(first));
  const secondFiles = new Set(listFiles(second));
  const differences: string[] = [];
  for (const file of firstFiles)
    if (!secondFiles.has(file) && !excepted(file)) differences.push(`${file}: only in the first build`);
  for (const file of secondFiles)
    if (!firstFiles.has(file) && !excepted(file)) differences.push(`${file}: only in the second build`);
  for (const file of firstFiles) {
    if (!secondFiles.has(file) || excepted(file)) continue;
    const a = readFileSync(join(first, file));
    const b = readFileSync(join(second, file));
    if (!a.equals(b)) {
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      const context = (buffer: Buffer) =>
        JSON.stringify(buffer.subarray(Math.max(0, at - 40), at + 40).toString('utf8'));
      differences.push(`${file}: differs from byte ${at}: ${context(a)} vs ${context(b)}`);
    }
  }
  return differences;
}
