/**
 * One claim as an embeddable card (/embed/claim/<id>/), the claim's counterpart of src/site/embed.ts
 * for charts: the facts the card shows, its addresses, its fixed height, the embed codes and the
 * oEmbed response. Every fact comes from the same formatters as the claim page (format.ts,
 * readings.ts), so a card never shows a figure without its hedge, measure, every claimant, its date
 * and its status. The host snippet, the resize protocol and the iframe markup are the charts' own.
 */
import { LICENCE_NAME, LICENCE_URL, escapeXml } from '../charts/export.ts';
import { mustGet } from '../charts/data.ts';
import { wrapText } from '../charts/text-metrics.ts';
import type { ChartData } from '../charts/types.ts';
import { formatPartialDate } from '../lib/dates.ts';
import {
  capitalise,
  formatClaimants,
  formatClaimPeriod,
  formatVagueFigure,
  VERIFICATION_LABELS,
  whatItCounts,
} from '../lib/format.ts';
import { figureWordings, periodWordings } from '../lib/readings.ts';
import type { Claim } from '../lib/types.ts';
import {
  embedIframe,
  hostSnippet,
  MIN_EMBED_WIDTH,
  NARROW_IMAGE_MEDIA,
  OEMBED_CACHE_AGE,
  plainTextCode,
  SITE_NAME,
  type EmbedTheme,
} from './embed.ts';
import { hostSafeAttribute } from './host-safe.ts';
import { absoluteUrl } from './paths.ts';
import { routes, type ClaimCardSize } from './routes.ts';

/** The card's facts in words, in the order the card shows them. */
export interface ClaimCardFacts {
  id: string;
  /** "Around 3,000", "At least 750 or around 750", or that the report gives no number. */
  figure: string;
  /** "Soldiers and police who defected" */
  counts: string;
  claimants: string;
  /** ISO partial date and its words. */
  claimedOn: string;
  claimedOnText: string;
  period: string;
  /** The quote's first words, with an ellipsis when cut. */
  quoteStart: string;
  /** "unverified", "disputed"... */
  status: string;
  outlet: string;
  /** "Around 3,000 soldiers and police who defected, claimed by …": the card as one sentence. */
  summary: string;
}

const QUOTE_WORDS = 12;
// Lower-cases the first letter only, so that "CDM" and names keep their capitals mid-sentence.
const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

export function quoteStart(quote: string, words = QUOTE_WORDS): string {
  const all = quote.trim().split(/\s+/);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}

export function claimCardFacts(claim: Claim, data: ChartData): ClaimCardFacts {
  const source = mustGet(data.sourceById, claim.source_id, 'source');
  const figure =
    claim.figure === null
      ? capitalise(formatVagueFigure(claim))
      : capitalise(figureWordings(claim, data.readings, data.claimants));
  const counts = whatItCounts(claim);
  const claimants = formatClaimants(claim, data.claimants, 'name', data.readings, data.sources);
  const claimedOnText = formatPartialDate(claim.claimed_on, 'long');
  // Every reading's period, as the figure gives every reading's wording.
  const period = periodWordings(claim, data.readings, data.claimants, formatClaimPeriod);
  const status = VERIFICATION_LABELS[claim.verification];
  return {
    id: claim.id,
    figure,
    counts,
    claimants,
    claimedOn: claim.claimed_on,
    claimedOnText,
    period,
    quoteStart: quoteStart(claim.quote),
    status,
    outlet: source.outlet,
    summary:
      `${figure}: ${lowerFirst(counts)}. Claimed by ${claimants}, ${claimedOnText}, as reported by ` +
      `${source.outlet}; period counted: ${period}. Status: ${status}.`,
  };
}

export function claimFacts(id: string, data: ChartData): ClaimCardFacts {
  return claimCardFacts(mustGet(data.claimById, id, 'claim'), data);
}

/** The card's title (iframe title, oEmbed title, <title>). */
export function claimCardTitle(facts: ClaimCardFacts): string {
  return `${facts.figure}: ${lowerFirst(facts.counts)}, claimed by ${facts.claimants}`;
}

/** "Unverified claim · …": the card's label row. */
export function claimCardKicker(facts: ClaimCardFacts): string {
  return `${capitalise(facts.status)} claim`;
}

/** The credit line under the card, as text: outlet, our site, licence. */
export function claimCreditText(facts: ClaimCardFacts): string {
  return `Reported by ${facts.outlet} · Card: ${SITE_NAME} · ${LICENCE_NAME}`;
}

/**
 * Alt text for a card image: figure, measure, claimants, date, period and status, under 1,000
 * characters (the summary has no free text beyond the coded fields).
 */
export function claimCardAlt(facts: ClaimCardFacts): string {
  return `Claim card. ${facts.summary}`.slice(0, 999);
}

// -------------------------------------------------------------------------------------------------
// Themes and addresses
// -------------------------------------------------------------------------------------------------

/** The claim embeds' variants: follow the reader (the plain address), light, dark. */
export const CLAIM_EMBED_THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];

export function claimEmbedPath(id: string, theme: EmbedTheme = 'auto'): string {
  return routes.claimEmbed(id, theme === 'auto' ? undefined : theme);
}

export function themeFromSlug(slug: string | undefined): EmbedTheme {
  if (slug === undefined || slug === '') return 'auto';
  if (slug === 'light' || slug === 'dark') return slug;
  throw new Error(`Unknown claim embed variant "${slug}": use light or dark`);
}

/** The card PNGs: two for social posts, one narrow for newsletters (its height follows its text). */
export const CLAIM_CARD_SIZES: Record<ClaimCardSize, { width: number; height?: number; label: string }> = {
  wide: { width: 1200, height: 675, label: '1200 × 675, for posts' },
  square: { width: 1080, height: 1080, label: '1080 × 1080, square' },
  narrow: { width: 600, label: '600 px wide, for newsletters' },
};

// -------------------------------------------------------------------------------------------------
// The fixed height, from the layout of src/styles/claim-card.css
// -------------------------------------------------------------------------------------------------

/** src/styles/claim-card.css sets exactly these values (px); a change there must be made here too. */
export const CLAIM_CARD_LAYOUT = {
  maxWidth: 560,
  padding: 12,
  /** The card's left border is the accent bar; the other three are 1 px. */
  borderLeft: 6,
  border: 1,
  inner: 16,
  kicker: { size: 13, line: 18, after: 6 },
  figure: { size: 28, line: 34, after: 2 },
  counts: { size: 17, line: 23, after: 10 },
  fact: { size: 15, line: 21, after: 4 },
  quote: { size: 15, line: 21, before: 6, after: 10 },
  credit: { size: 13, line: 18, after: 0 },
  slack: 12,
} as const;

/** The fact rows, label and value, as the card lists them. */
export function claimFactRows(facts: ClaimCardFacts): { label: string; value: string }[] {
  return [
    { label: 'Claimed by', value: facts.claimants },
    { label: 'When claimed', value: facts.claimedOnText },
    { label: 'Period counted', value: facts.period },
  ];
}

export function claimEmbedHeightAt(facts: ClaimCardFacts, iframeWidth: number): number {
  const layout = CLAIM_CARD_LAYOUT;
  const column =
    Math.min(iframeWidth - 2 * layout.padding, layout.maxWidth) - 2 * layout.inner - layout.border - layout.borderLeft;
  const lines = (text: string, size: number, weight: 'regular' | 'bold' = 'regular') =>
    wrapText(text, column * 0.94, size, weight).length;
  let height = 2 * (layout.padding + layout.inner + layout.border);
  height += lines(claimCardKicker(facts), layout.kicker.size, 'bold') * layout.kicker.line + layout.kicker.after;
  height += lines(facts.figure, layout.figure.size, 'bold') * layout.figure.line + layout.figure.after;
  height += lines(facts.counts, layout.counts.size) * layout.counts.line + layout.counts.after;
  for (const row of claimFactRows(facts))
    height += lines(`${row.label}: ${row.value}`, layout.fact.size) * layout.fact.line + layout.fact.after;
  height += layout.quote.before + lines(`“${facts.quoteStart}”`, layout.quote.size) * layout.quote.line;
  height += layout.quote.after;
  height += lines(`${claimCreditText(facts)} · Unverified claim`, layout.credit.size) * layout.credit.line;
  return height + layout.slack;
}

// Keyed by the facts themselves (the height follows from nothing else), so the claim page, its
// embed pages and its oEmbed response share one computation of some 500 wrapped widths.
const fixedHeights = new Map<string, number>();

/** The iframe height that clips nothing at any width from 320 px up. */
export function fixedClaimEmbedHeight(facts: ClaimCardFacts): number {
  const key = JSON.stringify(facts);
  const known = fixedHeights.get(key);
  if (known !== undefined) return known;
  let tallest = 0;
  for (let width = MIN_EMBED_WIDTH; width <= CLAIM_CARD_LAYOUT.maxWidth + 2 * CLAIM_CARD_LAYOUT.padding + 40; width++)
    tallest = Math.max(tallest, claimEmbedHeightAt(facts, width));
  fixedHeights.set(key, tallest);
  return tallest;
}

// -------------------------------------------------------------------------------------------------
// Codes and oEmbed
// -------------------------------------------------------------------------------------------------

function iframeCode(facts: ClaimCardFacts, url: string, height: number, responsive: boolean): string {
  return embedIframe(url, claimCardTitle(facts), `claim-${facts.id}`, height, responsive);
}

/**
 * The card as an image: light by default, dark when chosen, and with "follow the reader's setting"
 * ('auto') the dark cards for readers in dark mode through <picture> sources, the light <img> for the
 * rest. On phones the narrow card, whose text stays readable in a 320 px column; its height follows
 * its text, so its <source> has no size and the image takes its own proportions once loaded (the
 * img's width and height only reserve space). The first source whose media matches wins, so the
 * dark phone one comes first. A sanitiser that drops <picture> leaves the <img>.
 */
export function claimImageCode(facts: ClaimCardFacts, site: URL | undefined, theme: EmbedTheme = 'light'): string {
  const size = CLAIM_CARD_SIZES.wide;
  const fixed = theme === 'dark' ? 'dark' : 'light';
  const card = (cardSize: ClaimCardSize, shown: 'light' | 'dark') =>
    escapeXml(absoluteUrl(routes.claimCard(facts.id, cardSize, shown), site));
  const source = (media: string, cardSize: ClaimCardSize, shown: 'light' | 'dark') =>
    `<source media="${media}" srcset="${card(cardSize, shown)}">`;
  const dark = '(prefers-color-scheme: dark)';
  const sources =
    theme === 'auto'
      ? [
          source(`${dark} and ${NARROW_IMAGE_MEDIA}`, 'narrow', 'dark'),
          source(dark, 'wide', 'dark'),
          source(NARROW_IMAGE_MEDIA, 'narrow', 'light'),
        ]
      : [source(NARROW_IMAGE_MEDIA, 'narrow', fixed)];
  const link = absoluteUrl(routes.claim(facts.id), site);
  return (
    `<p><picture>${sources.join('')}` +
    `<img src="${card('wide', fixed)}" width="${size.width}" height="${size.height}" alt="${hostSafeAttribute(claimCardAlt(facts))}" style="max-width:100%;height:auto"></picture></p>\n` +
    `<p>${escapeXml(claimCreditSentence(facts))} <a href="${escapeXml(link)}">The claim and its source: ${escapeXml(SITE_NAME)}</a></p>`
  );
}

export function claimCreditSentence(facts: ClaimCardFacts): string {
  return `Claim by ${facts.claimants}, via ${facts.outlet}. Unverified claim.`;
}

export interface ClaimEmbedCodes {
  embedUrl: string;
  height: number;
  responsive: string;
  iframe: string;
  image: string;
  text: string;
  oembedUrl: string;
}

export function claimEmbedCodes(facts: ClaimCardFacts, site: URL | undefined, theme: EmbedTheme = 'light') {
  const embedUrl = absoluteUrl(claimEmbedPath(facts.id, theme), site);
  const height = fixedClaimEmbedHeight(facts);
  const origin = new URL(absoluteUrl('/', site)).origin;
  return {
    embedUrl,
    height,
    responsive: `${iframeCode(facts, embedUrl, height, true)}<script>${hostSnippet(origin)}</script>`,
    iframe: iframeCode(facts, embedUrl, height, false),
    image: claimImageCode(facts, site, theme),
    text: plainTextCode(`${facts.summary} ${SITE_NAME}: ${absoluteUrl(routes.claim(facts.id), site)}`),
    oembedUrl: absoluteUrl(routes.claimOembed(facts.id), site),
  } satisfies ClaimEmbedCodes;
}

/** The oEmbed 1.0 response (type "rich") for one claim. */
export function claimOembedResponse(facts: ClaimCardFacts, site: URL | undefined) {
  const codes = claimEmbedCodes(facts, site);
  const thumbnail = CLAIM_CARD_SIZES.wide;
  // The card is drawn at most maxWidth wide plus its padding; the height is the card's at that width.
  const width = CLAIM_CARD_LAYOUT.maxWidth + 2 * CLAIM_CARD_LAYOUT.padding;
  return {
    version: '1.0',
    type: 'rich',
    title: claimCardTitle(facts),
    width,
    height: codes.height,
    html: codes.responsive,
    provider_name: SITE_NAME,
    provider_url: absoluteUrl('/', site),
    cache_age: OEMBED_CACHE_AGE,
    thumbnail_url: absoluteUrl(routes.claimCard(facts.id, 'wide'), site),
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
    description: claimCardAlt(facts),
    license: LICENCE_NAME.replace(/\u00a0/g, ' '),
    license_url: LICENCE_URL,
  };
}
