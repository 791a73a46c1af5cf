/**
 * A strict XML parse (saxes, with namespaces) for every SVG we publish: the .svg files in a build
 * and each inline <svg> in its pages. Browsers forgive broken inline SVG, but the same markup goes
 * into the downloads and into resvg, which do not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { htmlFiles, listFiles } from './dist.ts';

/** The first well-formedness error of an XML document, or null when it has none. */
export function xmlError(markup: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (failure) => {
    error ??= failure.message;
  });
  try {
    parser.write(markup).close();
  } catch (failure) {
    error ??= String(failure);
  }
  return error;
}

export interface ParsedXml {
  /** Element names, in document order. */
  elements: string[];
  /** Every attribute as [name, value], values decoded. */
  attributes: [string, string][];
  /** All text content, decoded. */
  text: string;
}

/** Parses strictly and returns what the document holds; throws with the first error. */
export function parseXml(markup: string): ParsedXml {
  const parser = new SaxesParser({ xmlns: true });
  const parsed: ParsedXml = { elements: [], attributes: [], text: '' };
  parser.on('opentag', (tag) => {
    parsed.elements.push(tag.name);
    for (const attribute of Object.values(tag.attributes)) parsed.attributes.push([attribute.name, attribute.value]);
  });
  parser.on('text', (text) => (parsed.text += text));
  parser.write(markup).close();
  return parsed;
}

/** Each outermost <svg>…</svg> element in an HTML page, as written (nested <svg>s stay inside theirs). */
export function inlineSvgs(html: string): string[] {
  const found: string[] = [];
  const tag = /<(\/?)svg\b[^>]*?(\/?)>/g;
  let depth = 0;
  let start = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [whole, closing, selfClosing] = match;
    if (closing) {
      depth -= 1;
      if (depth === 0) found.push(html.slice(start, match.index + whole.length));
    } else if (selfClosing) {
      if (depth === 0) found.push(whole);
    } else {
      if (depth === 0) start = match.index;
      depth += 1;
    }
  }
  if (depth !== 0) found.push(html.slice(start));
  return found;
}

export interface XmlProblem {
  /** File in the build, with "#svg-<n>" for the n-th inline SVG of a page. */
  where: string;
  error: string;
}

/** Every SVG in a build that is not well-formed XML, and how many SVGs were read. */
export function svgXmlProblems(outDir: string): { checked: number; problems: XmlProblem[] } {
  const problems: XmlProblem[] = [];
  let checked = 0;
  for (const file of listFiles(outDir).filter((name) => name.endsWith('.svg'))) {
    checked += 1;
    const error = xmlError(readFileSync(join(outDir, file), 'utf8'));
    if (error) problems.push({ where: file, error });
  }
  for (const file of htmlFiles(outDir)) {
    inlineSvgs(readFileSync(join(outDir, file), 'utf8')).forEach((svg, index) => {
      checked += 1;
      const error = xmlError(svg);
      if (error) problems.push({ where: `${file}#svg-${index + 1}`, error });
    });
  }
  return { checked, problems };
}
