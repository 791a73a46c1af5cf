// Renders one chart to test-output/<id>-<width>.svg for a quick look: `npx node scripts/render-one.ts <id> [width]`.
// DATA_DIR=/tmp/defections-x100 draws it from another data folder (bench/generate-data.ts), as the build would.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadDataset } from '../src/lib/dataset.ts';
import { chartData } from '../src/charts/data.ts';
import { REQUIRED_RECORDS } from '../src/lib/required-records.ts';
import { chartById } from '../src/charts/index.ts';
import { renderChart } from '../src/charts/render.ts';
import { resolveThemeColors } from '../src/charts/palette.ts';

const [id = 'cumulative-claims', width = '640', theme = 'light'] = process.argv.slice(2);
const data = chartData(loadDataset(process.env.DATA_DIR || 'data', { required: REQUIRED_RECORDS }));
const svg = renderChart(chartById(id), data, Number(width)).replace(
  '<svg ',
  '<svg xmlns="http://www.w3.org/2000/svg" ',
);
mkdirSync('test-output', { recursive: true });
const file = `test-output/${id}-${width}-${theme}.svg`;
writeFileSync(file, resolveThemeColors(svg, theme as 'light' | 'dark'));
console.log(file, svg.length);
