// Downloads of every chart: /charts/<id>.svg and <id>-dark.svg (standalone, credits inside),
// <id>.png (light, 1x) and <id>-{light,dark}[@2x].png, and <id>.csv (exactly the rows it draws);
// and the narrow (320 px) layout for phones: <id>-narrow[-dark].svg, <id>-{light,dark}-narrow[@2x].png.
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, chartById } from '../../charts/index.ts';
import { exportPngAsync, exportSvg } from '../../charts/export.ts';
import { chartCsv } from '../../charts/csv.ts';
import { downloadPaths, exportOptions } from '../../site/embed.ts';
import type { ExportLayout } from '../../charts/export.ts';
import { siteData } from '../../site/data.ts';

type Theme = 'light' | 'dark';
type Download =
  | { kind: 'svg'; theme: Theme; layout: ExportLayout }
  | { kind: 'png'; theme: Theme; scale: 1 | 2; layout: ExportLayout }
  | { kind: 'csv' };

const fileName = (path: string) => path.slice('/charts/'.length);

function downloads(chartId: string): [string, Download][] {
  const paths = downloadPaths(chartId);
  const themes = ['light', 'dark'] as const;
  const layouts = ['wide', 'narrow'] as const;
  return [
    [`${chartId}.png`, { kind: 'png', theme: 'light', scale: 1, layout: 'wide' }],
    ...layouts.flatMap((layout) =>
      themes.flatMap((theme): [string, Download][] => [
        [fileName(paths.svgOf(theme, layout)), { kind: 'svg', theme, layout }],
        ...([1, 2] as const).map((scale): [string, Download] => [
          fileName(paths.image(theme, scale, layout)),
          { kind: 'png', theme, scale, layout },
        ]),
      ]),
    ),
    [`${chartId}.csv`, { kind: 'csv' }],
  ];
}

export const getStaticPaths = (() =>
  CHARTS.flatMap((chart) =>
    downloads(chart.id).map(([file, download]) => ({ params: { file }, props: { chartId: chart.id, download } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { chartId, download } = props as { chartId: string; download: Download };
  const chart = chartById(chartId);
  const data = await siteData();
  if (download.kind === 'csv') {
    return new Response(chartCsv(chart, data), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const options = exportOptions(download.theme, site, download.layout);
  if (download.kind === 'svg') {
    return new Response(exportSvg(chart, data, options).svg, {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
    });
  }
  const { png } = await exportPngAsync(chart, data, { ...options, scale: download.scale });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
