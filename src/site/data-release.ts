/**
 * The data's release dates for the pages being built, read once from data/README.md's changelog
 * (src/lib/release.ts). data/ under the project root, or DATA_DIR (integrations/data-dir.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirFromEnv, dataFileLabel } from '../integrations/data-dir.ts';
import { dataRelease, type DataRelease } from '../lib/release.ts';

let cached: DataRelease | undefined;

export function siteRelease(): DataRelease {
  const dataDir = dataDirFromEnv(process.env);
  cached ??= dataRelease(readFileSync(join(dataDir, 'README.md'), 'utf8'), dataFileLabel(dataDir, 'README.md'));
  return cached;
}
