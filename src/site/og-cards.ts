/**
 * The share images (Open Graph, 1200×630), one per page: /og/<slug>.png. Pages pick theirs through
 * Article.astro (ogImageForPath); each chart's embed page has /og/chart-<id>.png. The cards are
 * drawn at build time by src/pages/og/[card].png.ts (see src/site/og.ts).
 */
import { mustGet } from '../charts/data.ts';
import { CHARTS } from '../charts/index.ts';
import type { ChartData } from '../charts/types.ts';
import { formatPartialDate } from '../lib/dates.ts';
import { formatClaimants, VERIFICATION_LABELS } from '../lib/format.ts';
import { claimHeadline } from './claim-page.ts';
import { EVIDENCE_PAGE_KINDS, evidenceOgImage } from './evidence-pages.ts';

export interface OgCard {
  /** File name without extension: /og/<slug>.png. */
  slug: string;
  /** The page this card is for, from the site root. */
  path: string;
  title: string;
  subtitle: string;
  /** A chart drawn on the card's right, cropped to fit. */
  chartId?: string;
}

const firstChart = CHARTS[0]?.id;

export const PAGE_CARDS: readonly OgCard[] = [
  {
    slug: 'home',
    path: '/',
    title: 'How many soldiers and police have left Myanmar’s security forces since the coup?',
    subtitle:
      'Every figure on personnel leaving in our five reports, who claims it, and whether the numbers hold together.',
    chartId: firstChart,
  },
  {
    slug: 'methodology',
    path: '/methodology/',
    title: 'Methodology',
    subtitle: 'How we found, coded and compared every claim in our five reports, and what the figures cannot tell us.',
  },
  {
    slug: 'sources',
    path: '/sources/',
    title: 'Sources',
    subtitle: 'The news reports the claims come from: outlet, date, address and every figure taken from each.',
  },
  {
    slug: 'claimants',
    path: '/claimants/',
    title: 'Claimants',
    subtitle: 'Who gives the figures, what each has claimed over time, and why each might round up or down.',
  },
  {
    slug: 'about',
    path: '/about/',
    title: 'About, licence and corrections',
    subtitle: 'Who made this explainer, how to cite it, how to reuse its data and charts, and how to report an error.',
  },
  {
    slug: 'embed',
    path: '/embed/',
    title: 'Embed and download the charts',
    subtitle: 'Every chart as a self-sizing embed, a static image, SVG, PNG and CSV, free to reuse with credit.',
    chartId: firstChart,
  },
];

export function chartCard(chartId: string): OgCard {
  const chart = CHARTS.find((candidate) => candidate.id === chartId);
  if (!chart) throw new Error(`No chart "${chartId}" for a share image`);
  return {
    slug: `chart-${chart.id}`,
    path: `/embed/${chart.id}/`,
    title: chart.title,
    subtitle: chart.subtitle,
    chartId: chart.id,
  };
}

export function allOgCards(): OgCard[] {
  return [...PAGE_CARDS, ...CHARTS.map((chart) => chartCard(chart.id))];
}

/** The share image of a page: its own card if it has one, else the home page's. */
export function ogImageForPath(path: string): string {
  const card = PAGE_CARDS.find((candidate) => candidate.path === path);
  return `/og/${card?.slug ?? 'home'}.png`;
}

/**
 * The share cards of the evidence pages (src/site/evidence-pages.ts), drawn from the data: a claim's
 * card gives the figure with its hedge and measure, every claimant, the date and its status, as the
 * page does; the footer adds that no figure is verified.
 */
export function evidenceOgCards(data: ChartData): OgCard[] {
  return EVIDENCE_PAGE_KINDS.flatMap((kind) =>
    kind.ids(data).map((id) => {
      const slug = evidenceOgImage(kind.kind, id).replace(/^\/og\/|\.png$/g, '');
      const path = kind.path(id);
      if (kind.kind === 'claim') {
        const claim = mustGet(data.claimById, id, 'claim');
        const source = mustGet(data.sourceById, claim.source_id, 'source');
        return {
          slug,
          path,
          title: claimHeadline(claim, data),
          subtitle: `Claimed by ${formatClaimants(claim, data.claimants, 'name', data.readings, data.sources)}, ${formatPartialDate(claim.claimed_on, 'long')}, as reported by ${source.outlet}. Status: ${VERIFICATION_LABELS[claim.verification]}.`,
        };
      }
      if (kind.kind === 'source') {
        const source = mustGet(data.sourceById, id, 'source');
        return {
          slug,
          path,
          title: source.headline,
          subtitle: `${source.outlet}, ${formatPartialDate(source.published, 'long')}: every claim we took from this report, none independently verified.`,
        };
      }
      const claimant = mustGet(data.claimantById, id, 'claimant');
      return {
        slug,
        path,
        title: claimant.name,
        subtitle: `What ${claimant.short_name} has claimed about soldiers and police leaving Myanmar’s forces, and why it might round up or down.`,
      };
    }),
  );
}
