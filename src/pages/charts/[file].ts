// Downloads of every chart: /charts/<id>.svg and <id>-dark.svg (standalone, credits inside),
// <id>.png (light, 1x) and <id>-{light,dark}[@2x].png, and <id>.csv (exactly the rows it draws).
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, chartById } from '../../charts/index.ts';
import { exportPng, exportSvg } from '../../charts/export.ts';
import { chartCsv } from '../../charts/csv.ts';
import { exportOptions } from '../../site/embed.ts';
import { siteData } from '../../site/data.ts';

type Download =
  { kind: 'svg'; theme: 'light' | 'dark' } | { kind: 'png'; theme: 'light' | 'dark'; scale: 1 | 2 } | { kind: 'csv' };

function downloads(chartId: string): [string, Download][] {
  return [
    [`${chartId}.svg`, { kind: 'svg', theme: 'light' }],
    [`${chartId}-dark.svg`, { kind: 'svg', theme: 'dark' }],
    [`${chartId}.png`, { kind: 'png', theme: 'light', scale: 1 }],
    ...(['light', 'dark'] as const).flatMap((theme) =>
      ([1, 2] as const).map((scale): [string, Download] => [
        `${chartId}-${theme}${scale === 2 ? '@2x' : ''}.png`,
        { kind: 'png', theme, scale },
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
  const options = exportOptions(download.theme, site);
  if (download.kind === 'svg') {
    return new Response(exportSvg(chart, data, options).svg, {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
    });
  }
  const { png } = exportPng(chart, data, { ...options, scale: download.scale });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
