import { loadDataset } from '../src/lib/dataset.ts';
import { chartData } from '../src/charts/data.ts';
import { REQUIRED_RECORDS } from '../src/lib/required-records.ts';
import { claimFacts } from '../src/site/claim-card.ts';
import { claimCardSvg } from '../src/site/claim-card-png.ts';
import { resvgFontOptions } from '../src/charts/export.ts';
import { Resvg, renderAsync } from '@resvg/resvg-js';
const data = chartData(loadDataset('/work/wt/build13/data', { required: REQUIRED_RECORDS }));
const ids = data.claims.slice(0, 20).map((c) => c.id);
const font = resvgFontOptions();
const svgs = ids.flatMap((id) => (['wide', 'square', 'narrow'] as const).map((s) => claimCardSvg(claimFacts(id, data), s)));
const opts = (svg: string) => ({ fitTo: { mode: 'width' as const, value: Number(/width="(\d+)"/.exec(svg)![1]) }, font });
let t = performance.now(); let c0 = process.cpuUsage();
const sync = svgs.map((svg) => new Resvg(svg, opts(svg)).render().asPng());
const cpu = (c: NodeJS.CpuUsage) => { const d = process.cpuUsage(c); return ((d.user + d.system) / 1000).toFixed(0); };
console.log('sync', svgs.length, 'wall', (performance.now() - t).toFixed(0), 'cpu', cpu(c0));
// parse only
t = performance.now(); for (const svg of svgs) new Resvg(svg, opts(svg)); console.log('parse only', (performance.now() - t).toFixed(0));
// render without encode
t = performance.now(); for (const svg of svgs) new Resvg(svg, opts(svg)).render(); console.log('parse+render', (performance.now() - t).toFixed(0));
// no font files (text dropped)
t = performance.now(); for (const svg of svgs) new Resvg(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''), opts(svg)).render().asPng(); console.log('no text', (performance.now() - t).toFixed(0));
t = performance.now(); c0 = process.cpuUsage();
const asyncs = await Promise.all(svgs.map((svg) => renderAsync(svg, opts(svg)).then((r) => r.asPng())));
console.log('async all', 'wall', (performance.now() - t).toFixed(0), 'cpu', cpu(c0), 'identical', asyncs.every((p, i) => Buffer.compare(p, sync[i]) === 0));
console.log('sizes', sync.slice(0,3).map(p=>p.length));
