import { resvgFontOptions } from '../src/charts/export.ts';
import { Resvg } from '@resvg/resvg-js';
const font = resvgFontOptions();
console.log(font);
const cpu = (f: () => void, n = 30) => { const c = process.cpuUsage(); for (let i = 0; i < n; i++) f(); const d = process.cpuUsage(c); return ((d.user + d.system) / 1000 / n).toFixed(1) + ' ms'; };
const empty = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';
console.log('empty, fonts', cpu(() => new Resvg(empty, { font })));
console.log('empty, no fonts', cpu(() => new Resvg(empty, { font: { loadSystemFonts: false } })));
for (const f of font.fontFiles ?? []) console.log(f, cpu(() => new Resvg(empty, { font: { loadSystemFonts: false, fontFiles: [f] } })));
