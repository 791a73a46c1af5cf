// Temporary: x1 clean build CPU of another checkout, same method as bench/scale.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from './project-copy.ts';
const source = process.argv[2]!;
const work = mkdtempSync('/tmp/s13b/x1-');
const copy = copyProject(source, work);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', PNG_CACHE_DIR: join(work, 'png'), RENDER_STATS: '1' };
delete env.BASE_PATH;
for (const clean of [true, false]) {
  const run = spawnSync('nice', ['-n', '19', '/usr/bin/time', '-v', process.execPath, join(copy.root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(work, 'dist'), ...(clean ? ['--force'] : [])], { cwd: copy.root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = run.stdout + run.stderr;
  const n = (re: RegExp) => Number(re.exec(out)?.[1]);
  console.log(source, clean ? 'clean' : 'rebuild', 'status', run.status, 'cpu', (n(/User time \(seconds\): ([\d.]+)/) + n(/System time \(seconds\): ([\d.]+)/)).toFixed(1), 'wall', /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(out)?.[1], 'rss MB', Math.round(n(/Maximum resident set size \(kbytes\): (\d+)/) / 1024));
}
rmSync(work, { recursive: true, force: true });
