/**
 * Draws a 1200×630 share card as SVG and rasterises it with resvg (src/charts/export.ts), at build
 * time. Text is wrapped with text-metrics.ts so that it fits the card in DejaVu Sans, the font
 * resvg draws with.
 */
import { UNVERIFIED_NOTE } from '../charts/credits.ts';
import { escapeXml, svgSize, svgToPngAsync } from '../charts/export.ts';
import { chartById } from '../charts/index.ts';
import { resolveThemeColors, THEMES } from '../charts/palette.ts';
import { CHART_FONT_FAMILY, renderChart, VARIANT_WIDTHS } from '../charts/render.ts';
import { textWidth as measuredWidth, wrapText } from '../charts/text-metrics.ts';
import type { ChartData } from '../charts/types.ts';
import type { OgCard } from './og-cards.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const MARGIN = 64;
const FOOTER_HEIGHT = 76;

/**
 * At most `maxLines` lines no wider than `width`: the last line kept ends in "…" when text was cut,
 * and a word too long for a line is cut by characters, so nothing runs off the card mid-word.
 */
export function clampLines(
  text: string,
  width: number,
  size: number,
  maxLines: number,
  weight: 'regular' | 'bold' = 'regular',
): string[] {
  const fits = (line: string) => measuredWidth(line, size, weight) <= width;
  const lines = wrapText(text, width, size, weight);
  const kept = lines.slice(0, maxLines).map((line) => (fits(line) ? line : shorten(line, fits)));
  const cut = lines.length > maxLines || kept.some((line, index) => line !== lines[index]);
  if (!cut) return kept;
  kept[kept.length - 1] = shorten(`${kept.at(-1)}`, fits);
  return kept;
}

/** The longest start of `line` (at a space if possible) that fits with "…" after it. */
function shorten(line: string, fits: (line: string) => boolean): string {
  let words = line.split(' ');
  while (words.length > 1 && !fits(`${words.join(' ')}…`)) words = words.slice(0, -1);
  let last = [...words.join(' ')];
  while (last.length > 1 && !fits(`${last.join('')}…`)) last = last.slice(0, -1);
  return `${last.join('').replace(/[\s,;:.]+$/, '')}…`;
}

function fitLines(text: string, width: number, sizes: number[], maxLines: number, weight: 'regular' | 'bold') {
  for (const size of sizes) {
    const lines = wrapText(text, width, size, weight);
    if (lines.length <= maxLines && lines.every((line) => measuredWidth(line, size, weight) <= width))
      return { size, lines };
  }
  const size = sizes.at(-1) as number;
  return { size, lines: clampLines(text, width, size, maxLines, weight) };
}

/** The card as SVG markup, light theme. */
export function ogCardSvg(card: OgCard, data: ChartData, siteLabel: string): string {
  const colors = THEMES.light;
  const withChart = Boolean(card.chartId);
  const chartTop = 112;
  const chartBox = { width: 600, height: OG_HEIGHT - FOOTER_HEIGHT - chartTop - 24 };
  const textWidth = withChart ? OG_WIDTH - 2 * MARGIN - chartBox.width - 40 : OG_WIDTH - 2 * MARGIN;
  const title = fitLines(card.title, textWidth, withChart ? [46, 40, 36] : [68, 60, 52], withChart ? 5 : 3, 'bold');
  const titleLine = Math.round(title.size * 1.18);
  const subtitleSize = withChart ? 24 : 30;
  const subtitleLine = Math.round(subtitleSize * 1.35);
  const subtitleLines = clampLines(card.subtitle, textWidth, subtitleSize, 4);

  let y = 76;
  const parts: string[] = [];
  parts.push(`<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${colors.background}"/>`);
  parts.push(`<rect width="14" height="${OG_HEIGHT}" fill="${colors.accent}"/>`);
  parts.push(
    `<text x="${MARGIN}" y="${y}" font-size="24" font-weight="700" fill="${colors.accent}">${escapeXml(siteLabel)}</text>`,
  );
  y += (withChart ? 44 : 36) + title.size;
  for (const line of title.lines) {
    parts.push(
      `<text x="${MARGIN}" y="${y}" font-size="${title.size}" font-weight="700" fill="${colors.text}">${escapeXml(line)}</text>`,
    );
    y += titleLine;
  }
  y += 12;
  for (const line of subtitleLines) {
    parts.push(
      `<text x="${MARGIN}" y="${y}" font-size="${subtitleSize}" fill="${colors.muted}">${escapeXml(line)}</text>`,
    );
    y += subtitleLine;
  }

  if (card.chartId) {
    const chart = chartById(card.chartId);
    const markup = resolveThemeColors(renderChart(chart, data, VARIANT_WIDTHS.wide), 'light');
    const size = svgSize(markup);
    const scale = chartBox.width / size.width;
    // Tall charts are cropped to their top rather than shrunk past reading: it is a preview.
    const visibleHeight = Math.min(size.height, chartBox.height / scale);
    const x = OG_WIDTH - MARGIN - chartBox.width;
    const nested = markup
      .replace(/^<svg\b[^>]*>/, (root) =>
        root
          .replace(/\s(width|height|viewBox|x|y)="[^"]*"/g, '')
          .replace(
            /^<svg/,
            `<svg x="${x}" y="${chartTop}" width="${chartBox.width}" height="${Math.round(visibleHeight * scale)}" viewBox="0 0 ${size.width} ${visibleHeight}" preserveAspectRatio="xMidYMin meet"`,
          ),
      )
      .replace(/\saria-describedby="[^"]*"/, '');
    parts.push(nested);
  }

  const footerY = OG_HEIGHT - FOOTER_HEIGHT;
  parts.push(`<rect y="${footerY}" width="${OG_WIDTH}" height="${FOOTER_HEIGHT}" fill="${colors.surface}"/>`);
  parts.push(`<rect y="${footerY}" width="14" height="${FOOTER_HEIGHT}" fill="${colors.accent}"/>`);
  const footer = fitLines(UNVERIFIED_NOTE, OG_WIDTH - 2 * MARGIN, [24, 22, 20, 18], 1, 'regular');
  parts.push(
    `<text x="${MARGIN}" y="${footerY + 46}" font-size="${footer.size}" fill="${colors.text}">${escapeXml(footer.lines.join(' '))}</text>`,
  );

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="${escapeXml(CHART_FONT_FAMILY)}">`,
    `<title>${escapeXml(card.title)}</title>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The card as PNG, drawn on a worker thread (svgToPngAsync). */
export async function ogCardPng(card: OgCard, data: ChartData, siteLabel: string): Promise<Buffer> {
  const { png, width, height } = await svgToPngAsync(ogCardSvg(card, data, siteLabel), 1);
  if (width !== OG_WIDTH || height !== OG_HEIGHT)
    throw new Error(`Share card ${card.slug} came out ${width}×${height}`);
  return png;
}
