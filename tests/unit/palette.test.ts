import { describe, expect, it } from 'vitest';
import { FONT_STACK, resolveThemeColors, themeCss, THEMES, type Theme } from '../../src/charts/palette.ts';

/** WCAG 2.2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const linear = (channel: number) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe.each(['light', 'dark'] as Theme[])('the %s theme', (theme) => {
  const colors = THEMES[theme];
  const background = colors.background as string;

  it('gives text, muted text and links at least 4.5:1 on the background and on surfaces', () => {
    for (const name of ['text', 'muted', 'accent']) {
      expect(contrast(colors[name] as string, background), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colors[name] as string, colors.surface as string), `${name} on surface`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });

  it('gives every series colour at least 4.5:1 on the background', () => {
    const series = Object.keys(colors).filter((name) => name.startsWith('series-'));
    expect(series).toHaveLength(8);
    for (const name of series) expect(contrast(colors[name] as string, background), name).toBeGreaterThanOrEqual(4.5);
  });

  it('gives rules at least 3:1, so dashed event lines stay visible', () => {
    expect(contrast(colors.rule as string, background)).toBeGreaterThanOrEqual(3);
  });
});

describe('theme output', () => {
  it('writes every colour as a custom property for both themes', () => {
    const css = themeCss();
    for (const [name, value] of Object.entries(THEMES.dark)) expect(css).toContain(`--${name}: ${value};`);
    expect(css).toContain('@media screen and (prefers-color-scheme: dark)');
    expect(css).toContain(`--font-sans: ${FONT_STACK};`);
  });

  it('resolves custom properties in a standalone SVG', () => {
    expect(resolveThemeColors('<path stroke="var(--series-1)" fill="currentColor"/>', 'dark')).toBe(
      `<path stroke="${THEMES.dark['series-1']}" fill="${THEMES.dark.text}"/>`,
    );
  });
});
