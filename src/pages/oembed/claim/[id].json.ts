// The oEmbed 1.0 response of each claim card (type "rich"), found through the discovery links on
// the claim page and the card's embed page (src/site/claim-card.ts claimOembedResponse).
import type { APIRoute, GetStaticPaths } from 'astro';
import { claimFacts, claimOembedResponse } from '../../../site/claim-card.ts';
import { siteData } from '../../../site/data.ts';

export const getStaticPaths = (async () =>
  (await siteData()).claims.map((claim) => ({ params: { id: claim.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const body = JSON.stringify(claimOembedResponse(claimFacts(params.id as string, await siteData()), site), null, 2);
  return new Response(body, { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
