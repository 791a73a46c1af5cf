/**
 * Card text (OG images, claim cards): long names and headlines are cut at a word with "…", never
 * mid-word at the card's edge, and short text is left alone.
 */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/charts/text-metrics.ts';
import { clampLines } from '../../src/site/og.ts';

const WIDTH = 500;
const SIZE = 40;

describe('clampLines', () => {
  it('leaves text that fits as wrapped, with no ellipsis', () => {
    expect(clampLines('National Unity Government', WIDTH, SIZE, 3)).toEqual(['National Unity', 'Government']);
  });

  it('cuts a long headline to the line limit, every line fitting, the last ending in an ellipsis at a word', () => {
    const headline =
      'Hundreds of Myanmar Junta Soldiers and Police Have Left Their Units Since the Offensive Began, Opposition Groups Say';
    const lines = clampLines(headline, WIDTH, SIZE, 3, 'bold');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(textWidth(line, SIZE, 'bold')).toBeLessThanOrEqual(WIDTH);
    expect(lines.at(-1)).toMatch(/\w…$/);
    // Every word shown is a whole word of the headline.
    const shown = lines.join(' ').replace(/…$/, '').split(' ');
    for (const word of shown) expect(headline.split(' ')).toContain(word);
  });

  it('cuts a single word wider than the card by characters, with an ellipsis', () => {
    const lines = clampLines('W'.repeat(200), WIDTH, SIZE, 2);
    expect(lines).toHaveLength(1);
    expect(textWidth(lines[0]!, SIZE)).toBeLessThanOrEqual(WIDTH);
    expect(lines[0]).toMatch(/^W+…$/);
  });
});
