/**
 * The claim card as a picture: 1200×675 and 1080×1080 for social posts, and 600 px wide (as tall
 * as its text) for newsletters, each light and dark (the embed's "follow the reader's setting" image
 * code swaps the dark one in for readers in dark mode). Drawn as SVG in DejaVu Sans, the font resvg draws the share cards
 * with (og.ts), wrapped with text-metrics.ts, and rasterised by svgToPng. The fixed sizes try the
 * largest type first and step down until everything fits, so a long claimant list never clips.
 */
import { UNVERIFIED_NOTE } from '../charts/credits.ts';
import { escapeXml, svgToPngAsync } from '../charts/export.ts';
import { THEMES, type Theme } from '../charts/palette.ts';
import { CHART_FONT_FAMILY } from '../charts/render.ts';
import { wrapText } from '../charts/text-metrics.ts';
import { CLAIM_CARD_SIZES, claimCardAlt, claimCardKicker, claimFactRows, type ClaimCardFacts } from './claim-card.ts';
import { SITE_NAME } from './embed.ts';
import type { ClaimCardSize } from './routes.ts';

/** Type sizes at scale 1 (the 600 px card); the wide and square cards start larger. */
const TYPE = {
  kicker: 16,
  figure: 40,
  counts: 24,
  fact: 19,
  quote: 19,
  footer: 15,
} as const;
const START_SCALE: Record<ClaimCardSize, number> = { wide: 1.7, square: 2.1, narrow: 1 };
/** Never smaller than this: the narrow card's 15 px footer is the floor. */
const MIN_SCALE: Record<ClaimCardSize, number> = { wide: 1.2, square: 1.4, narrow: 1 };

interface Line {
  text: string;
  size: number;
  weight: 'regular' | 'bold';
  color: 'text' | 'muted' | 'accent';
  italic?: boolean;
  /** Space above the line's block, px. */
  gap: number;
}

function layout(facts: ClaimCardFacts, width: number, scale: number, siteLabel: string) {
  const margin = Math.round(36 * scale);
  const column = width - 2 * margin - 10;
  const blocks: Line[][] = [];
  const block = (text: string, base: number, opts: Omit<Line, 'text' | 'size' | 'gap'>, gap: number) => {
    const size = Math.round(base * scale);
    blocks.push(
      wrapText(text, column, size, opts.weight).map((line, index) => ({
        text: line,
        size,
        ...opts,
        gap: index === 0 ? Math.round(gap * scale) : 0,
      })),
    );
  };
  block(claimCardKicker(facts).toUpperCase(), TYPE.kicker, { weight: 'bold', color: 'accent' }, 0);
  block(facts.figure, TYPE.figure, { weight: 'bold', color: 'text' }, 14);
  block(facts.counts, TYPE.counts, { weight: 'regular', color: 'text' }, 4);
  for (const row of claimFactRows(facts))
    block(`${row.label}: ${row.value}`, TYPE.fact, { weight: 'regular', color: 'text' }, 12);
  block(`“${facts.quoteStart}”`, TYPE.quote, { weight: 'regular', color: 'muted', italic: true }, 14);
  const footer = [`Reported by ${facts.outlet} · ${siteLabel} · CC BY 4.0`, UNVERIFIED_NOTE];
  const footerLines = footer.flatMap((text) => wrapText(text, column, Math.round(TYPE.footer * scale)));
  const lineHeight = (size: number) => Math.round(size * 1.3);
  let y = margin;
  const placed: (Line & { y: number })[] = [];
  for (const lines of blocks)
    for (const line of lines) {
      y += line.gap + lineHeight(line.size);
      placed.push({ ...line, y: y - Math.round(line.size * 0.28) });
    }
  const footerSize = Math.round(TYPE.footer * scale);
  const footerHeight = footerLines.length * lineHeight(footerSize) + Math.round(24 * scale);
  return { margin, placed, footerLines, footerSize, footerHeight, contentBottom: y, lineHeight };
}

/** The card as SVG at one size, light (the default) or dark: the same layout in the theme's colours. */
export function claimCardSvg(
  facts: ClaimCardFacts,
  size: ClaimCardSize,
  siteLabel: string = SITE_NAME,
  theme: Theme = 'light',
): string {
  const { width, height: fixedHeight } = CLAIM_CARD_SIZES[size];
  let scale = START_SCALE[size];
  let drawn = layout(facts, width, scale, siteLabel);
  // Step the type down until the text and the footer fit the fixed height.
  while (fixedHeight && scale > MIN_SCALE[size] && drawn.contentBottom + 16 + drawn.footerHeight > fixedHeight) {
    scale = Math.round((scale - 0.05) * 100) / 100;
    drawn = layout(facts, width, scale, siteLabel);
  }
  const height = fixedHeight ?? drawn.contentBottom + Math.round(24 * scale) + drawn.footerHeight;
  const colors = THEMES[theme];
  const fill = { text: colors.text, muted: colors.muted, accent: colors.accent };
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${colors.background}"/>`,
    `<rect width="${Math.round(10 * scale)}" height="${height}" fill="${colors.accent}"/>`,
  ];
  for (const line of drawn.placed) {
    const style = `${line.weight === 'bold' ? ' font-weight="700"' : ''}${line.italic ? ' font-style="italic"' : ''}`;
    parts.push(
      `<text x="${drawn.margin}" y="${line.y}" font-size="${line.size}"${style} fill="${fill[line.color]}">${escapeXml(line.text)}</text>`,
    );
  }
  const footerY = height - drawn.footerHeight;
  parts.push(`<rect y="${footerY}" width="${width}" height="${drawn.footerHeight}" fill="${colors.surface}"/>`);
  drawn.footerLines.forEach((line, index) => {
    const y = footerY + Math.round(12 * scale) + (index + 1) * drawn.lineHeight(drawn.footerSize) - 4;
    parts.push(
      `<text x="${drawn.margin}" y="${y}" font-size="${drawn.footerSize}" fill="${colors.text}">${escapeXml(line)}</text>`,
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(CHART_FONT_FAMILY)}">`,
    `<title>${escapeXml(claimCardAlt(facts))}</title>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The card as PNG, drawn on a worker thread (svgToPngAsync). */
export async function claimCardPng(
  facts: ClaimCardFacts,
  size: ClaimCardSize,
  siteLabel?: string,
  theme: Theme = 'light',
): Promise<Buffer> {
  const svg = claimCardSvg(facts, size, siteLabel, theme);
  const { png, width, height } = await svgToPngAsync(svg, 1);
  const expected = CLAIM_CARD_SIZES[size];
  if (width !== expected.width || (expected.height && height !== expected.height))
    throw new Error(`Claim card ${facts.id} (${size}, ${theme}) came out ${width}×${height}`);
  return png;
}
