// The oEmbed response of each chart for each prebuilt maxwidth (OEMBED_WIDTHS): /oembed/<id>/<width>.json,
// with `width` that maxwidth and `height` the embed page's height there.
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, chartById } from '../../../charts/index.ts';
import { OEMBED_WIDTHS, oembedResponse } from '../../../site/embed.ts';
import { siteData } from '../../../site/data.ts';

export const getStaticPaths = (() =>
  CHARTS.flatMap((chart) =>
    OEMBED_WIDTHS.map((width) => ({ params: { chart: chart.id, width: String(width) } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const chart = chartById(params.chart as string);
  const body = JSON.stringify(oembedResponse(chart, await siteData(), site, Number(params.width)), null, 2);
  return new Response(body, { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
