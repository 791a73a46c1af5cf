/**
 * The claim card's words and pictures, for every claim in data/: the facts carry every claimant,
 * every reading's figure and period, and the status; the alt text stays under 1,000 characters; and
 * in each card image every line of text sits inside the picture, above the footer, at a readable size.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { formatClaimants, VERIFICATION_LABELS } from '../../src/lib/format.ts';
import { figureWordings } from '../../src/lib/readings.ts';
import { CLAIM_CARD_SIZES, claimCardAlt, claimCardFacts, quoteStart } from '../../src/site/claim-card.ts';
import { claimCardSvg } from '../../src/site/claim-card-png.ts';
import type { ClaimCardSize } from '../../src/site/routes.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));
const SIZES = Object.keys(CLAIM_CARD_SIZES) as ClaimCardSize[];
/** The smallest type on each card, in px of the image: 15 px on the 600 px card, more on the larger ones. */
const MIN_TYPE: Record<ClaimCardSize, number> = { narrow: 15, wide: 18, square: 21 };

describe('quoteStart', () => {
  it('keeps a short quote whole and cuts a long one after twelve words with an ellipsis', () => {
    expect(quoteStart('453 soldiers answered')).toBe('453 soldiers answered');
    expect(quoteStart('a b c d e f g h i j k l m n')).toBe('a b c d e f g h i j k l…');
  });
});

describe.each(data.claims.map((claim) => ({ id: claim.id, claim })))('claim card $id', ({ claim }) => {
  const facts = claimCardFacts(claim, data);

  it('carries every claimant, every reading of the figure, and the status, in the alt text too', () => {
    // An outlet's own statement is named by its outlet ("The Irrawaddy's own statement (no source named)").
    expect(facts.claimants).toBe(formatClaimants(claim, data.claimants, 'name', data.readings, data.sources));
    expect(facts.claimants).not.toContain("Outlet's own statement");
    if (claim.figure !== null)
      expect(facts.figure.toLowerCase()).toBe(figureWordings(claim, data.readings, data.claimants).toLowerCase());
    const alt = claimCardAlt(facts);
    expect(alt.length).toBeLessThan(1000);
    for (const part of [facts.figure, facts.claimants, facts.claimedOnText, facts.period]) expect(alt).toContain(part);
    expect(alt).toContain(`Status: ${VERIFICATION_LABELS[claim.verification]}.`);
  });

  it.each(SIZES)('%s image: every line inside the picture, above the footer, readable', (size) => {
    const svg = claimCardSvg(facts, size, 'Leaving the Tatmadaw · defections.example.org');
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    expect(width).toBe(CLAIM_CARD_SIZES[size].width);
    if (CLAIM_CARD_SIZES[size].height) expect(height).toBe(CLAIM_CARD_SIZES[size].height);
    const footerY = Number(/<rect y="(\d+)"/.exec(svg)?.[1]);
    const texts = [...svg.matchAll(/<text x="(\d+)" y="(\d+)" font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      y: Number(m[2]),
      size: Number(m[3]),
      text: m[4]!,
    }));
    const body = texts.filter((text) => text.y < footerY);
    const footer = texts.filter((text) => text.y >= footerY);
    expect(body.length).toBeGreaterThan(5);
    expect(footer.length).toBeGreaterThanOrEqual(2);
    for (const text of texts) {
      expect(text.size, text.text).toBeGreaterThanOrEqual(MIN_TYPE[size]);
      expect(text.y, text.text).toBeLessThanOrEqual(height - 4);
    }
    // Body text ends above the footer with room for its descenders.
    for (const text of body) expect(text.y + text.size * 0.3, text.text).toBeLessThanOrEqual(footerY);
  });
});
