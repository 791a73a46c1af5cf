/**
 * A small CSS minifier for stylesheets we generate ourselves (no strings or url()s with spaces in
 * them): drops comments and the white space around punctuation. Enough to save the bytes that
 * matter on embed pages, without a dependency.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
