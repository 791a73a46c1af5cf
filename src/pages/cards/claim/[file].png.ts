// The claim card PNGs, three sizes per claim (src/site/claim-card-png.ts): /cards/claim/<id>-<size>.png.
import type { APIRoute, GetStaticPaths } from 'astro';
import { claimFacts } from '../../../site/claim-card.ts';
import { claimCardPng } from '../../../site/claim-card-png.ts';
import { CLAIM_CARD_SIZES } from '../../../site/claim-card.ts';
import { siteData } from '../../../site/data.ts';
import { SITE_NAME } from '../../../site/embed.ts';
import type { ClaimCardSize } from '../../../site/routes.ts';

export const getStaticPaths = (async () => {
  const data = await siteData();
  return data.claims.flatMap((claim) =>
    (Object.keys(CLAIM_CARD_SIZES) as ClaimCardSize[]).map((size) => ({
      params: { file: `${claim.id}-${size}` },
      props: { id: claim.id, size },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, size } = props as { id: string; size: ClaimCardSize };
  const host = site ? new URL(site).host : '';
  const png = claimCardPng(claimFacts(id, await siteData()), size, host ? `${SITE_NAME} · ${host}` : SITE_NAME);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
