// The claim card PNGs, three sizes per claim, light and dark (src/site/claim-card-png.ts):
// /cards/claim/<id>-<size>.png and /cards/claim/<id>-<size>-dark.png (routes.claimCard).
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Theme } from '../../../charts/palette.ts';
import { claimFacts } from '../../../site/claim-card.ts';
import { claimCardPng } from '../../../site/claim-card-png.ts';
import { CLAIM_CARD_SIZES } from '../../../site/claim-card.ts';
import { siteData } from '../../../site/data.ts';
import { IMAGE_THEMES, SITE_NAME } from '../../../site/embed.ts';
import { routes, type ClaimCardSize } from '../../../site/routes.ts';

export const getStaticPaths = (async () => {
  const data = await siteData();
  return data.claims.flatMap((claim) =>
    (Object.keys(CLAIM_CARD_SIZES) as ClaimCardSize[]).flatMap((size) =>
      IMAGE_THEMES.map((theme) => ({
        params: { file: routes.claimCard(claim.id, size, theme).replace(/^\/cards\/claim\/|\.png$/g, '') },
        props: { id: claim.id, size, theme },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, size, theme } = props as { id: string; size: ClaimCardSize; theme: Theme };
  const host = site ? new URL(site).host : '';
  const png = await claimCardPng(
    claimFacts(id, await siteData()),
    size,
    host ? `${SITE_NAME} · ${host}` : SITE_NAME,
    theme,
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
