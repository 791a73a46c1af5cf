// Rasterises an SVG file for a look: `npx node scripts/svg-to-png.ts in.svg out.png [background]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const [input = '', output = '', background = '#ffffff'] = process.argv.slice(2);
const png = new Resvg(readFileSync(input, 'utf8'), { background, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
writeFileSync(output, png);
