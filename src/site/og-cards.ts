/**
 * The share images (Open Graph, 1200×630), one per page: /og/<slug>.png. Pages pick theirs through
 * Article.astro (ogImageForPath); each chart's embed page has /og/chart-<id>.png. The cards are
 * drawn at build time by src/pages/og/[card].png.ts (see src/site/og.ts).
 */
import { CHARTS } from '../charts/index.ts';

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
