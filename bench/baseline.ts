/**
 * The baseline the benchmark compares us with: the same embed page, but with the chart drawn the
 * way client-side charting does it. The server-rendered SVG is taken out and the page instead
 * loads d3 and Observable Plot from node_modules (their UMD builds, as a <script> from a CDN
 * would), the dataset as JSON, and a small bundle of the very same chart module
 * (src/charts/<id>.ts), which draws into the page with the browser's DOM.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { loadDataset } from '../src/lib/dataset.ts';

export const BASELINE_PREFIX = '/__baseline/';

/** Bare imports the chart code makes, answered by the globals the UMD scripts define. */
const globalsPlugin: Plugin = {
  name: 'umd-globals',
  setup(builder) {
    builder.onResolve({ filter: /^@observablehq\/plot$/ }, () => ({ path: 'Plot', namespace: 'umd-global' }));
    builder.onResolve({ filter: /^d3(-[a-z-]+)?$/ }, () => ({ path: 'd3', namespace: 'umd-global' }));
    builder.onResolve({ filter: /^linkedom$|^node:/ }, (args) => ({ path: args.path, namespace: 'server-only' }));
    builder.onLoad({ filter: /.*/, namespace: 'umd-global' }, (args) => ({
      contents: `module.exports = globalThis[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'server-only' }, (args) => ({
      contents: `export function parseHTML() { throw new Error(${JSON.stringify(`${args.path} is server-only`)}); }`,
      loader: 'js',
    }));
  },
};

export interface Baseline {
  dir: string;
  /** Path of the page on the bench server. */
  path: string;
  /** Raw (uncompressed) sizes of what the page adds, for the report. */
  files: Record<string, number>;
}

/** Writes the baseline page for one chart into dir, from our built embed page at embedHtmlFile. */
export async function makeBaseline(
  projectRoot: string,
  chartId: string,
  embedHtmlFile: string,
  dir: string,
): Promise<Baseline> {
  mkdirSync(dir, { recursive: true });
  const chartModule = join(projectRoot, 'src', 'charts', `${chartId}.ts`);
  if (!existsSync(chartModule)) throw new Error(`The baseline needs the chart's module at ${chartModule}`);

  copyFileSync(join(projectRoot, 'node_modules', 'd3', 'dist', 'd3.min.js'), join(dir, 'd3.min.js'));
  copyFileSync(
    join(projectRoot, 'node_modules', '@observablehq', 'plot', 'dist', 'plot.umd.min.js'),
    join(dir, 'plot.umd.min.js'),
  );

  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import chart from ${JSON.stringify(chartModule)};
import { chartData } from ${JSON.stringify(join(projectRoot, 'src', 'charts', 'data.ts'))};
const dataset = JSON.parse(document.getElementById('bench-dataset').textContent);
const slot = document.querySelector('.chart-slot');
const svg = chart.draw(chartData(dataset), { width: Math.min(slot.clientWidth, 640), document });
svg.setAttribute('class', 'chart-svg');
svg.setAttribute('font-size', '14');
svg.setAttribute('font-family', "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif");
slot.append(svg);
`,
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outfile: join(dir, 'chart.js'),
    plugins: [globalsPlugin],
    logLevel: 'error',
  });

  const dataset = JSON.stringify(loadDataset(join(projectRoot, 'data'))).replaceAll('<', '\\u003c');
  let html = readFileSync(embedHtmlFile, 'utf8');
  html = html.replace(/<meta\s+http-equiv="content-security-policy"[^>]*>/i, '');
  let slotted = false;
  html = html.replace(/<div class="chart-variant chart-variant--(narrow|wide)"[^>]*>[\s\S]*?<\/svg>\s*<\/div>/g, () => {
    if (slotted) return '';
    slotted = true;
    return '<div class="chart-variant chart-slot"></div>';
  });
  if (!slotted) throw new Error(`No server-rendered chart (div.chart-variant) found in ${embedHtmlFile} to replace`);
  const scripts =
    `<script src="${BASELINE_PREFIX}d3.min.js"></script>` +
    `<script src="${BASELINE_PREFIX}plot.umd.min.js"></script>` +
    `<script type="application/json" id="bench-dataset">${dataset}</script>` +
    `<script src="${BASELINE_PREFIX}chart.js"></script>`;
  html = html.replace(/<\/body>/i, `${scripts}</body>`);
  writeFileSync(join(dir, 'index.html'), html);

  const size = (name: string) => readFileSync(join(dir, name)).length;
  return {
    dir,
    path: BASELINE_PREFIX,
    files: {
      'd3.min.js': size('d3.min.js'),
      'plot.umd.min.js': size('plot.umd.min.js'),
      'chart.js': size('chart.js'),
      'dataset (JSON)': dataset.length,
      'index.html': size('index.html'),
    },
  };
}
