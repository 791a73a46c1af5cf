// The oEmbed 1.0 response of each chart (type "rich"), found through the discovery links on the
// explainer and the embed pages: the chart at the embed page's full width. Static files cannot read
// ?maxwidth= or ?format=: [chart]/[width].json.ts prebuilds the common widths, and README ("oEmbed on
// a static host") shows how a host routes requests to them. JSON only: a static host cannot answer
// format=xml (oEmbed's 501 Not Implemented needs a server or a rewrite rule).
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
