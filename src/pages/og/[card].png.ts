// Share images (Open Graph, 1200×630), one per page and one per chart embed, drawn at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allOgCards, evidenceOgCards, type OgCard } from '../../site/og-cards.ts';
import { ogCardPng } from '../../site/og.ts';
import { siteData } from '../../site/data.ts';
import { SITE_NAME } from '../../site/embed.ts';

export const getStaticPaths = (async () =>
  [...allOgCards(), ...evidenceOgCards(await siteData())].map((card) => ({
    params: { card: card.slug },
    props: { card },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { card } = props as { card: OgCard };
  const host = site ? new URL(site).host : '';
  const png = await ogCardPng(card, await siteData(), host ? `${SITE_NAME} · ${host}` : SITE_NAME);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
