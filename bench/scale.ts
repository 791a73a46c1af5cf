/**
 * The bench's scale section (issue 13): the site built from synthetic data at x1, x10 and, with
 * BENCH_SCALE=100, x100 (bench/generate-data.ts, through DATA_DIR), and how each measure grows per
 * 10x of data. For each size it measures a clean build (fresh output, fresh PNG cache, Astro's
 * content cache cleared with --force): wall and CPU time and peak RSS (/usr/bin/time -v), how often
 * each chart was drawn and rasterised; the output (files, bytes, the heaviest page and embed
 * gzipped, the home page's and /claims/'s weight and DOM nodes); the chart render and PNG time of
 * the data in this process; and a rebuild after changing one claim, which reuses the PNG cache.
 *
 *   node bench/scale.ts               x1 and x10 (also run at the end of `npm run bench`)
 *   BENCH_SCALE=100 node bench/scale.ts   adds x100 (minutes, about 2.5 GB of memory)
 *   BENCH_SCALE_SIZES=1,100           just these sizes
 *   BENCH_CPU_PROF=<folder>           V8 CPU profiles of the clean builds, in <folder>/x<size>/
 *   BENCH_NICE=0                      builds at normal priority (default: nice -n 19, the machine is shared)
 *
 * It prints a table and writes it under "scale" in bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { chartData } from '../src/charts/data.ts';
import { exportPng } from '../src/charts/export.ts';
import { CHARTS } from '../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../src/charts/render.ts';
import { loadDataset } from '../src/lib/dataset.ts';
import { REQUIRED_RECORDS } from '../src/lib/required-records.ts';
import { SITE_NAME } from '../src/site/embed.ts';
import { generateData, writeData } from './generate-data.ts';
import { copyProject } from './project-copy.ts';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const SEED = 1;
// As the build's downloads have them (src/site/embed.ts exportOptions needs Astro's env for the base path).
const EXPORT_OPTIONS = {
  theme: 'light',
  explainerUrl: 'https://defections.example.org/',
  siteName: SITE_NAME,
} as const;

/** The sizes to build: x1 and x10, and x100 when BENCH_SCALE asks for it (BENCH_SCALE=0: none). */
export function scaleSizes(setting = process.env.BENCH_SCALE): number[] {
  if (setting === '0') return [];
  // BENCH_SCALE_SIZES=100 measures just those sizes (growth is then shown between them only).
  const only = process.env.BENCH_SCALE_SIZES;
  if (only)
    return only
      .split(',')
      .map(Number)
      .filter((size) => Number.isInteger(size) && size >= 1);
  const largest = Math.max(10, Number(setting) || 10);
  const sizes = [1];
  for (let size = 10; size <= largest; size *= 10) sizes.push(size);
  return sizes;
}

interface BuildRun {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  draws: number;
  renderRequests: number;
  pngMisses: number;
  pngHits: number;
}

/** One `astro build` of a data folder, timed by /usr/bin/time -v. */
function build(
  root: string,
  dataDir: string,
  outDir: string,
  pngCacheDir: string,
  clean: boolean,
  profileDir?: string,
): BuildRun {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // BENCH_CPU_PROF=<folder>: V8 CPU profiles of each clean build, to see where the time goes.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const command = [
    '-v',
    process.execPath,
    ...profile,
    astro,
    'build',
    '--outDir',
    outDir,
    ...(clean ? ['--force'] : []),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    DATA_DIR: dataDir,
    PNG_CACHE_DIR: pngCacheDir,
    RENDER_STATS: '1',
  };
  delete env.BASE_PATH;
  delete env.PNG_CACHE;
  // At the lowest CPU priority unless BENCH_NICE=0: the machine is shared, and CPU time (not wall) is the steady measure.
  const [program, args] =
    process.env.BENCH_NICE === '0' ? ['/usr/bin/time', command] : ['nice', ['-n', '19', '/usr/bin/time', ...command]];
  const started = performance.now();
  const run = spawnSync(program as string, args as string[], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`The build of ${dataDir} failed:\n${output.slice(-3000)}`);
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
  const json = (name: string) => JSON.parse(new RegExp(`^${name} (.+)$`, 'm').exec(output)?.[1] ?? '{}');
  const render = json('render-stats') as { draws?: number; requests?: number };
  const png = json('png-cache-stats') as { hits?: number; misses?: number };
  return {
    wallMs,
    cpuMs: (number(/User time \(seconds\): ([\d.]+)/) + number(/System time \(seconds\): ([\d.]+)/)) * 1000,
    peakRssMb: number(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    draws: render.draws ?? NaN,
    renderRequests: render.requests ?? NaN,
    pngMisses: png.misses ?? NaN,
    pngHits: png.hits ?? NaN,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const gz = (file: string) => gzipSync(readFileSync(file)).length;
const domNodes = (file: string) => parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('*').length;

/** What the build wrote: sizes of the whole and of the pages issue 13 names. */
export function measureDist(outDir: string) {
  const files = filesUnder(outDir);
  const html = files.filter((file) => file.endsWith('.html'));
  const gzipped = html.map((file) => ({ page: `/${relative(outDir, file)}`, gz: gz(file) }));
  const heaviest = (pages: typeof gzipped) =>
    pages.reduce((best, page) => (page.gz > best.gz ? page : best), { page: '', gz: 0 });
  const page = (path: string) => ({ gz: gz(join(outDir, path)), domNodes: domNodes(join(outDir, path)) });
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    pngBytes: files.filter((file) => file.endsWith('.png')).reduce((sum, file) => sum + statSync(file).size, 0),
    heaviestPage: heaviest(gzipped),
    // Embeds are the pages hosts frame (/embed/<chart>/…, /embed/claim/<id>/…); the gallery that lists
    // their codes, /embed/, is a page of the site with the page budget, as tests/build/static-checks.test.ts has it.
    heaviestEmbed: heaviest(
      gzipped.filter((entry) => entry.page.startsWith('/embed/') && entry.page !== '/embed/index.html'),
    ),
    pagesOver100KbGz: gzipped.filter((entry) => entry.gz > 100_000).length,
    home: page('index.html'),
    claims: page(join('claims', 'index.html')),
  };
}

/** Drawing every chart at every width, and rasterising each at 1x and 2x, in this process (no caches). */
export function chartTimes(dataDir: string) {
  const data = chartData(loadDataset(dataDir, { required: REQUIRED_RECORDS }));
  let renderMs = 0;
  let pngMs = 0;
  const previous = process.env.PNG_CACHE;
  process.env.PNG_CACHE = '0';
  try {
    for (const chart of CHARTS) {
      for (const width of Object.values(VARIANT_WIDTHS)) {
        const started = performance.now();
        // A copy of the data is a new identity, so the renderer draws rather than reuses.
        renderChart(chart, { ...data }, width);
        renderMs += performance.now() - started;
      }
      for (const scale of [1, 2] as const) {
        const started = performance.now();
        exportPng(chart, data, { ...EXPORT_OPTIONS, scale });
        pngMs += performance.now() - started;
      }
    }
  } finally {
    if (previous === undefined) delete process.env.PNG_CACHE;
    else process.env.PNG_CACHE = previous;
  }
  return { renderMs, pngMs };
}

/** The editor's everyday change: one claim's figure corrected (the last row, which no page names). */
function changeOneClaim(dataDir: string): void {
  const file = join(dataDir, 'claims.csv');
  const [header = [], ...rows] = csvParseRows(readFileSync(file, 'utf8'));
  const figure = header.indexOf('figure');
  const row = rows.findLast((candidate) => /^\d+$/.test(candidate[figure] ?? ''));
  if (!row) throw new Error('No claim with a figure to change');
  row[figure] = String(Number(row[figure]) + 1);
  writeFileSync(file, `${csvFormatRows([header, ...rows])}\n`);
}

export interface ScaleResult {
  scale: number;
  claims: number;
  clean: BuildRun;
  rebuild: BuildRun;
  dist: ReturnType<typeof measureDist>;
  charts: ReturnType<typeof chartTimes>;
}

/** Builds one size in `root`, a throwaway copy of the project (project-copy.ts). */
export function measureScale(scale: number, work: string, root: string): ScaleResult {
  const dataDir = join(work, `data-x${scale}`);
  const generated = generateData(scale, SEED);
  writeData(dataDir, generated);
  const outDir = join(work, `site-x${scale}`);
  const pngCache = join(work, `png-cache-x${scale}`);
  console.log(`x${scale}: clean build of ${generated.counts.claims} claims…`);
  const profileDir = process.env.BENCH_CPU_PROF ? join(process.env.BENCH_CPU_PROF, `x${scale}`) : undefined;
  const clean = build(root, dataDir, outDir, pngCache, true, profileDir);
  const dist = measureDist(outDir);
  console.log(`x${scale}: chart render and PNG times…`);
  const charts = chartTimes(dataDir);
  console.log(`x${scale}: rebuild after changing one claim…`);
  changeOneClaim(dataDir);
  const rebuild = build(root, dataDir, outDir, pngCache, false);
  rmSync(outDir, { recursive: true, force: true });
  return { scale, claims: generated.counts.claims, clean, rebuild, dist, charts };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The rows of the scale table: a label, how to read the value, and how to print it. */
const MEASURES: [string, (result: ScaleResult) => number, (value: number) => string][] = [
  ['clean build, wall', (r) => r.clean.wallMs, s],
  ['clean build, CPU', (r) => r.clean.cpuMs, s],
  ['peak RSS', (r) => r.clean.peakRssMb, (v) => `${Math.round(v)} MB`],
  ['chart draws per build', (r) => r.clean.draws, String],
  ['PNGs rasterised (clean)', (r) => r.clean.pngMisses, String],
  ['rebuild after one claim, wall', (r) => r.rebuild.wallMs, s],
  ['PNGs rasterised (rebuild)', (r) => r.rebuild.pngMisses, String],
  ['dist files', (r) => r.dist.files, (v) => v.toLocaleString('en')],
  ['dist bytes', (r) => r.dist.bytes, mb],
  ['PNG bytes', (r) => r.dist.pngBytes, mb],
  ['heaviest page gz', (r) => r.dist.heaviestPage.gz, kb],
  ['heaviest embed gz', (r) => r.dist.heaviestEmbed.gz, kb],
  ['pages over 100 KB gz', (r) => r.dist.pagesOver100KbGz, String],
  ['home gz', (r) => r.dist.home.gz, kb],
  ['home DOM nodes', (r) => r.dist.home.domNodes, (v) => v.toLocaleString('en')],
  ['/claims/ gz', (r) => r.dist.claims.gz, kb],
  ['/claims/ DOM nodes', (r) => r.dist.claims.domNodes, (v) => v.toLocaleString('en')],
  ['chart render (all, both widths)', (r) => r.charts.renderMs, (v) => `${Math.round(v)} ms`],
  ['chart PNGs (all, 1x + 2x)', (r) => r.charts.pngMs, (v) => `${Math.round(v)} ms`],
];

export function scaleTable(results: ScaleResult[]): { text: string; growth: Record<string, (number | null)[]> } {
  const growth: Record<string, (number | null)[]> = {};
  const rows = [
    [
      'measure',
      ...results.map((r) => `x${r.scale} (${r.claims})`),
      ...results.slice(1).map((r) => `growth to x${r.scale}`),
    ],
  ];
  for (const [label, read, print] of MEASURES) {
    const values = results.map(read);
    const ratios = values.slice(1).map((value, index) => {
      const before = values[index] ?? 0;
      return before > 0 ? Math.round((value / before) * 100) / 100 : null;
    });
    growth[label] = ratios;
    rows.push([label, ...values.map(print), ...ratios.map((ratio) => (ratio === null ? '–' : `${ratio}x`))]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const text = rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n');
  return { text, growth };
}

/** Issue 13's targets, for the sizes measured; "linear or better" is growing no faster than the data (10x per 10x). */
export function scaleMisses(results: ScaleResult[], growth: Record<string, (number | null)[]>): string[] {
  const misses: string[] = [];
  const x1 = results.find((r) => r.scale === 1);
  const x100 = results.find((r) => r.scale === 100);
  for (const r of results) {
    if (r.dist.pagesOver100KbGz > 0)
      misses.push(
        `x${r.scale}: ${r.dist.pagesOver100KbGz} page(s) over 100 KB gz (heaviest ${r.dist.heaviestPage.page}, ${kb(r.dist.heaviestPage.gz)})`,
      );
    if (r.dist.heaviestEmbed.gz > 10_000)
      misses.push(
        `x${r.scale}: embed ${r.dist.heaviestEmbed.page} is ${kb(r.dist.heaviestEmbed.gz)} gz (budget 10 KB)`,
      );
    if (x1 && r !== x1 && r.dist.home.gz > x1.dist.home.gz * 1.1)
      misses.push(`x${r.scale}: home page ${kb(r.dist.home.gz)} gz, more than 10 % over x1's ${kb(x1.dist.home.gz)}`);
    if (r.clean.draws !== CHARTS.length * Object.keys(VARIANT_WIDTHS).length)
      misses.push(`x${r.scale}: ${r.clean.draws} chart draws, not one per chart and width`);
  }
  if (x100) {
    if (x100.clean.wallMs > 180_000) misses.push(`x100: clean build ${s(x100.clean.wallMs)} (target 180 s)`);
    if (x100.rebuild.wallMs > 30_000)
      misses.push(`x100: rebuild after one claim ${s(x100.rebuild.wallMs)} (target 30 s)`);
    if (x100.clean.peakRssMb > 2048) misses.push(`x100: peak RSS ${Math.round(x100.clean.peakRssMb)} MB (target 2 GB)`);
  }
  for (const [label, ratios] of Object.entries(growth)) {
    ratios.forEach((ratio, index) => {
      // Linear is as much growth as data: 10x per 10x, 100x from x1 to x100 (BENCH_SCALE_SIZES=1,100).
      const dataGrowth = results[index + 1]!.scale / results[index]!.scale;
      if (ratio !== null && ratio > dataGrowth * 1.05 && !label.startsWith('PNGs rasterised'))
        misses.push(
          `${label}: grows ${ratio}x from x${results[index]!.scale} to x${results[index + 1]!.scale}, for ${dataGrowth}x the data (superlinear)`,
        );
    });
  }
  return misses;
}

export function runScale(sizes = scaleSizes()): { results: ScaleResult[]; misses: string[] } | null {
  if (sizes.length === 0) return null;
  const work = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  // Every size builds in a copy of the project, so no other build in the checkout can disturb it.
  const copy = copyProject(projectRoot, work);
  try {
    // Measured in the order given (BENCH_SCALE_SIZES=100,10,1 does the long one first), shown smallest first.
    const results = sizes.map((size) => measureScale(size, work, copy.root)).sort((a, b) => a.scale - b.scale);
    const { text, growth } = scaleTable(results);
    const misses = scaleMisses(results, growth);
    console.log(
      `\nScale (seed ${SEED}; load average ${loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')}):\n`,
    );
    console.log(text);
    console.log(
      misses.length
        ? `\nScale targets missed:\n${misses.map((m) => `  - ${m}`).join('\n')}`
        : '\nAll scale targets met.',
    );
    const file = join(projectRoot, 'bench', 'results.json');
    const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    const scale = {
      date: new Date().toISOString(),
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      loadAverage: loadavg(),
      seed: SEED,
      results,
      growth,
      misses,
    };
    writeFileSync(file, `${JSON.stringify({ ...previous, scale }, null, 2)}\n`);
    console.log('\nWrote the scale section of bench/results.json');
    return { results, misses };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) runScale();
