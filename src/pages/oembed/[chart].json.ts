// The oEmbed 1.0 response of each chart (type "rich"), found through the discovery links on the
// explainer and the embed pages. Static files, so maxwidth/maxheight are not honoured: the iframe is
// 100% wide and sizes itself.
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, chartById } from '../../charts/index.ts';
import { oembedResponse } from '../../site/embed.ts';
import { siteData } from '../../site/data.ts';

export const getStaticPaths = (() => CHARTS.map((chart) => ({ params: { chart: chart.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const chart = chartById(params.chart as string);
  const body = JSON.stringify(oembedResponse(chart, await siteData(), site), null, 2);
  return new Response(body, { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
