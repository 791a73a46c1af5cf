/**
 * The claim cards in the built site (test-output/dist, built once by global-setup.ts), for every
 * claim: its embed page in three themes with every field of the card, within the embed budget;
 * its oEmbed JSON, valid and discovered by a real oEmbed client from the claim page and the card;
 * its three PNGs at their stated sizes; and the claim page's embed codes, card links and Cite this.
 * The browser half (sizing in a host page, axe) is tests/browser/claim-embeds.spec.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '@extractus/oembed-extractor';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { formatClaimants, VERIFICATION_LABELS } from '../../src/lib/format.ts';
import { figureWordings } from '../../src/lib/readings.ts';
import { DEFAULT_SITE_URL } from '../../src/integrations/site-config.ts';
import {
  CLAIM_CARD_SIZES,
  CLAIM_EMBED_THEMES,
  claimCardAlt,
  claimCardFacts,
  claimEmbedHeightAt,
  claimEmbedPath,
  fixedClaimEmbedHeight,
  CLAIM_CARD_LAYOUT,
} from '../../src/site/claim-card.ts';
import { routes, type ClaimCardSize } from '../../src/site/routes.ts';
import { BUDGETS, pageWeight } from '../static/budgets.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';
import { decodePng } from './png.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const ROOT = `${DEFAULT_SITE_URL}/`;
const site = { outDir: BUILT_SITE, basePath: '/', siteOrigin: new URL(DEFAULT_SITE_URL).origin };
const fileOf = (path: string) => join(BUILT_SITE, path.endsWith('/') ? `${path}index.html` : path);
const page = (path: string) => parseHTML(readFileSync(fileOf(path), 'utf8')).document as unknown as Document;
const fetcher = async (url: string): Promise<Response> => {
  const parsed = new URL(url.split('?')[0] as string);
  const file = fileOf(decodeURIComponent(parsed.pathname));
  return parsed.origin === site.siteOrigin && existsSync(file)
    ? new Response(readFileSync(file))
    : new Response('not found', { status: 404 });
};
// linkedom keeps a textarea's character references as written; a browser decodes them.
const decodeEntities = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe.each(data.claims.map((claim) => ({ id: claim.id, claim })))('claim $id', ({ id, claim }) => {
  const facts = claimCardFacts(claim, data);
  const source = data.sourceById.get(claim.source_id)!;

  it.each(CLAIM_EMBED_THEMES)('has a card embed (%s) with every field, under the embed budget', (theme) => {
    const path = claimEmbedPath(id, theme);
    expect(existsSync(fileOf(path)), path).toBe(true);
    const document = page(path);
    const html = document.documentElement;
    expect(html.getAttribute('data-theme')).toBe(theme === 'auto' ? null : theme);
    const card = document.querySelector(`[data-claim-card="${id}"]`);
    const field = (name: string) => text(card?.querySelector(`[data-field="${name}"]`));
    if (claim.figure !== null)
      expect(field('figure').toLowerCase()).toBe(figureWordings(claim, data.readings, data.claimants).toLowerCase());
    expect(field('counts')).toBe(facts.counts);
    expect(field('status').toLowerCase()).toContain(VERIFICATION_LABELS[claim.verification]);
    const cardText = text(card);
    expect(cardText).toContain(formatClaimants(claim, data.claimants, 'name', data.readings, data.sources));
    expect(cardText).toContain(facts.claimedOnText);
    expect(cardText).toContain(facts.period);
    expect(field('credit')).toContain(source.outlet);
    expect(field('credit')).toContain('CC BY 4.0');
    const quoteLink = card?.querySelector('[data-field="quote"] a');
    expect(quoteLink?.getAttribute('href')).toBe(routes.claim(id));
    expect(claim.quote.startsWith(text(quoteLink).replace(/^“|…?”$/g, ''))).toBe(true);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${ROOT.slice(0, -1)}${claimEmbedPath(id)}`,
    );
    const weight = pageWeight(site, path.slice(1) + 'index.html');
    expect(weight.missing).toEqual([]);
    expect(weight.total, `${path}: ${weight.total} bytes gzipped`).toBeLessThanOrEqual(BUDGETS.embedTotal);
  });

  it('has a valid oEmbed response, discovered from the claim page and the card, matching its URLs', async () => {
    const json = JSON.parse(readFileSync(fileOf(routes.claimOembed(id)), 'utf8'));
    expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: expect.any(String) });
    for (const key of ['width', 'height', 'thumbnail_width', 'thumbnail_height'])
      expect(Number.isInteger(json[key]) && json[key] > 0, key).toBe(true);
    // The height is the card's at the width the response states: the tallest it gets up to there.
    expect(json.height).toBe(fixedClaimEmbedHeight(facts));
    expect(json.height).toBeGreaterThanOrEqual(claimEmbedHeightAt(facts, json.width));
    expect(json.width).toBe(CLAIM_CARD_LAYOUT.maxWidth + 2 * CLAIM_CARD_LAYOUT.padding);
    const embedUrl = `${ROOT.slice(0, -1)}${claimEmbedPath(id, 'light')}`;
    expect(json.html).toContain(`src="${embedUrl}"`);
    expect(json.html).toContain(`height="${json.height}"`);
    expect(json.thumbnail_url).toBe(`${ROOT.slice(0, -1)}${routes.claimCard(id, 'wide')}`);
    expect(existsSync(fileOf(routes.claimCard(id, 'wide')))).toBe(true);
    for (const from of [routes.claim(id), claimEmbedPath(id)]) {
      const found = await extract(`${ROOT.slice(0, -1)}${from}`, {}, fetcher);
      expect(found.method, from).toBe('auto-discovery');
      expect(found.html).toBe(json.html);
    }
  });

  it.each(Object.keys(CLAIM_CARD_SIZES) as ClaimCardSize[])(
    'has a %s card PNG at its stated size, light and dark',
    (size) => {
      for (const theme of ['light', 'dark'] as const) {
        const png = decodePng(readFileSync(fileOf(routes.claimCard(id, size, theme))));
        const expected = CLAIM_CARD_SIZES[size];
        expect(png.width, theme).toBe(expected.width);
        if (expected.height) expect(png.height, theme).toBe(expected.height);
        else expect(png.height, theme).toBeGreaterThan(200);
      }
    },
  );

  it('offers the card on its claim page: codes, images with alt text, and Cite this', () => {
    const document = page(routes.claim(id));
    const section = document.querySelector('[data-claim-embed-codes]');
    const codes = Object.fromEntries(
      [...(section?.querySelectorAll('textarea[data-code]') ?? [])].map((area) => [
        area.getAttribute('data-code'),
        decodeEntities(area.innerHTML),
      ]),
    );
    const embedUrl = `${ROOT.slice(0, -1)}${claimEmbedPath(id, 'light')}`;
    expect(codes.responsive).toContain(`src="${embedUrl}"`);
    expect(codes.responsive).toContain('<script>');
    expect(codes.iframe).toContain(`height="${fixedClaimEmbedHeight(facts)}"`);
    expect(codes.image).toContain(routes.claimCard(id, 'wide'));
    const alt = claimCardAlt(facts);
    expect(alt.length).toBeLessThan(1000);
    for (const part of [facts.counts.toLowerCase(), facts.claimants, facts.claimedOnText, 'unverified'])
      expect(alt.toLowerCase()).toContain(part.toLowerCase());
    const cards = [...(section?.querySelectorAll('[data-claim-cards] a') ?? [])].map((a) => a.getAttribute('href'));
    expect(cards.sort()).toEqual(
      (Object.keys(CLAIM_CARD_SIZES) as ClaimCardSize[])
        .flatMap((size) => [routes.claimCard(id, size), routes.claimCard(id, size, 'dark')])
        .sort(),
    );
    // Light by default; the "follow the reader's setting" image code adds the dark cards by media query.
    expect(codes.image).not.toContain('-dark.png');
    const themed = JSON.parse(
      section?.querySelector('[data-image-codes]')?.getAttribute('data-image-codes') ?? '{}',
    ) as Record<string, string>;
    expect(themed.light).toBe(codes.image);
    expect(themed.auto).toContain(
      `media="(prefers-color-scheme: dark)" srcset="${ROOT.slice(0, -1)}${routes.claimCard(id, 'wide', 'dark')}"`,
    );
    const cite = [...document.querySelectorAll('.cite-this a[href]')].map((a) => a.getAttribute('href'));
    expect(cite).toEqual([routes.citation('claim', id, 'bib'), routes.citation('claim', id, 'json')]);
    for (const href of cite) expect(existsSync(fileOf(href!)), href!).toBe(true);
    expect(document.querySelector('link[type="application/json+oembed"]')?.getAttribute('href')).toBe(
      `${ROOT.slice(0, -1)}${routes.claimOembed(id)}`,
    );
  });
});
