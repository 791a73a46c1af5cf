/**
 * Colours and shapes, the one source for pages, SVG downloads and PNGs. Pages read them as CSS
 * custom properties (served by src/pages/theme.css.ts); a standalone SVG or PNG gets the values
 * of one theme written in (resolveThemeColors).
 *
 * The series colours start from the Okabe–Ito colour-blind-safe set, darkened for the light theme
 * and lightened for the dark one until each has at least 4.5:1 contrast with the background, so
 * they pass as text colours as well as for marks (WCAG 1.4.3 and 1.4.11); tests/unit/palette.test.ts
 * checks it. Where Okabe–Ito ran out of hues distinct from their neighbours, indigo, brown and grey
 * fill the set. Every series also has its own shape, so colour is never
 * the only cue.
 */
import type { Claimant } from '../lib/types.ts';

export type Theme = 'light' | 'dark';

/**
 * The one font stack: pages and embeds read it as --font-sans, SVGs and images get it as their
 * font-family. DejaVu Sans is last before the generic family because the exported PNGs are drawn in it.
 */
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

export const THEMES: Record<Theme, Record<string, string>> = {
  light: {
    background: '#ffffff',
    surface: '#f4f4f1',
    text: '#1a1a1a',
    muted: '#585858',
    grid: '#d9d9d6',
    rule: '#8a8a86',
    accent: '#0b5cad',
    'series-1': '#0072b2',
    'series-2': '#c25400',
    'series-3': '#007a5a',
    'series-4': '#a8467f',
    'series-5': '#6f7300',
    'series-6': '#5b4a9e',
    'series-7': '#8c5e3c',
    'series-8': '#666666',
  },
  dark: {
    background: '#15171a',
    surface: '#202327',
    text: '#ececea',
    muted: '#b4b4b0',
    grid: '#3a3d42',
    rule: '#8e8e8a',
    accent: '#7db8f0',
    'series-1': '#56b4e9',
    'series-2': '#f08a4b',
    'series-3': '#3cc79a',
    'series-4': '#e39bc6',
    'series-5': '#d4d45a',
    'series-6': '#a99bf0',
    'series-7': '#d2a27c',
    'series-8': '#bdbdbd',
  },
};

export const SERIES_COUNT = 8;

/** Plot symbol names in the order series take them. */
export const SERIES_SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye', 'times'] as const;

export function cssVar(name: string): string {
  return `var(--${name})`;
}

/** The series a claimant draws in: its position in claimants.csv, so colours stay put between charts. */
export function claimantSeries(claimants: Claimant[]): { domain: string[]; colors: string[]; symbols: string[] } {
  const domain = claimants.map((claimant) => claimant.id);
  return {
    domain,
    colors: domain.map((_, index) => cssVar(`series-${(index % SERIES_COUNT) + 1}`)),
    symbols: domain.map((_, index) => SERIES_SYMBOLS[index % SERIES_SYMBOLS.length] as string),
  };
}

/** The theme as CSS custom properties, light by default and dark when the reader prefers it. */
export function themeCss(): string {
  const block = (theme: Theme) =>
    Object.entries(THEMES[theme])
      .map(([name, value]) => `  --${name}: ${value};`)
      .join('\n');
  return [
    `:root {\n  color-scheme: light dark;\n  --font-sans: ${FONT_STACK};\n${block('light')}\n}`,
    `@media screen and (prefers-color-scheme: dark) {\n  :root:not([data-theme='light']) {\n${block('dark').replace(/^ {2}/gm, '    ')}\n  }\n}`,
    `:root[data-theme='light'] {\n  color-scheme: light;\n${block('light')}\n}`,
    `:root[data-theme='dark'] {\n  color-scheme: dark;\n${block('dark')}\n}`,
  ].join('\n\n');
}

/** Writes one theme's values in place of the custom properties, for files seen outside our pages. */
export function resolveThemeColors(svg: string, theme: Theme): string {
  return svg
    .replace(/var\(--([a-z0-9-]+)\)/g, (match, name: string) => THEMES[theme][name] ?? match)
    .replace(/currentColor/g, THEMES[theme].text as string);
}
