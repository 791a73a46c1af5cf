/**
 * The explainer as a reader meets it (issue 12): headings that never repeat, chart frames with a
 * short note and the long description behind "Describe this chart", and "independently verified"
 * said once, prominently, with each figure's status shown compactly beside it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { BUILT_SITE } from './build-site.ts';

function htmlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return entry.endsWith('.html') ? [path] : [];
  });
}

function page(path: string): Document {
  return parseHTML(readFileSync(join(BUILT_SITE, path), 'utf8')).document as unknown as Document;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The text a sighted reader sees with nothing opened: no closed disclosure's content (its summary
 * stays), no visually hidden text, no scripts, styles or SVG tooltips.
 */
export function visibleText(document: Document): string {
  const body = document.body.cloneNode(true) as HTMLElement;
  for (const details of body.querySelectorAll('details:not([open])')) {
    for (const child of [...details.children]) if (child.tagName !== 'SUMMARY') child.remove();
  }
  for (const hidden of body.querySelectorAll('script, style, template, title, .visually-hidden, [hidden]')) {
    hidden.remove();
  }
  return squash(body.textContent);
}

const pages = htmlFiles(BUILT_SITE)
  .map((path) => relative(BUILT_SITE, path))
  // Embed pages hold one chart each; the gallery's per-chart "Embed codes" headings are the embeds' to change.
  .filter((path) => !path.startsWith('embed/'));
// The claims list and its facet pages head each entry with its figure, and two claims by different
// claimants can state the same figure ("an unstated number of soldiers surrendered"): the rule is
// for the story's sections and charts, not for a list of records.
const storyPages = pages.filter((path) => !path.startsWith('claims/'));

describe('headings', () => {
  it.each(storyPages)('%s: no heading appears twice word for word', (path) => {
    const headings = [...page(path).querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
      squash(h.textContent).toLowerCase(),
    );
    const repeated = headings.filter((text, index) => headings.indexOf(text) !== index);
    expect(repeated).toEqual([]);
  });

  it('each chart on the explainer says something other than its section heading', () => {
    const home = page('index.html');
    const charts = [...home.querySelectorAll('figure.chart')];
    expect(charts).toHaveLength(CHARTS.length);
    for (const figure of charts) {
      const title = squash(figure.querySelector('.chart-title')?.textContent).toLowerCase();
      let previous = figure.previousElementSibling;
      while (previous && !/^H[1-6]$/.test(previous.tagName)) previous = previous.previousElementSibling;
      if (previous) expect(squash(previous.textContent).toLowerCase(), figure.id).not.toBe(title);
    }
  });
});

describe('chart frames on the explainer', () => {
  const home = page('index.html');

  it.each(CHARTS.map((chart) => chart.id))(
    '%s: a short caption, the long description named by the drawing and behind a disclosure',
    (id) => {
      const figure = home.getElementById(`chart-${id}`) as Element;
      const description = home.getElementById(`chart-${id}-description`) as Element;
      expect(description.closest('details')?.querySelector('summary')?.textContent?.trim()).toBe('Describe this chart');
      expect(description.closest('figure')).toBe(figure);
      for (const svg of figure.querySelectorAll('svg[role="img"], svg[aria-describedby]')) {
        expect(svg.getAttribute('aria-describedby')).toBe(`chart-${id}-description`);
      }
      // What is printed under the chart: a note and a source line, not the description again.
      const notes = squash(figure.querySelector('.chart-notes')?.textContent);
      expect(notes.length, notes).toBeLessThan(600);
      expect(notes).not.toContain(squash(description.textContent).slice(0, 60));
    },
  );
});

describe('"independently verified"', () => {
  it('is said once in the visible text of the explainer, and every figure shows its status', () => {
    const home = page('index.html');
    const text = visibleText(home);
    expect(text.match(/independently verified/gi)).toHaveLength(1);
    const cards = [...home.querySelectorAll('[data-headline-claim]')];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.querySelector('.verification')?.textContent?.trim()).toMatch(/\S/);
  });

  it('counts only what a reader sees', () => {
    const { document } = parseHTML(
      '<html><body><p>Not independently verified.</p><details><summary>More</summary><p>independently verified</p></details><span class="visually-hidden">independently verified</span></body></html>',
    );
    expect(visibleText(document as unknown as Document).match(/independently verified/gi)).toHaveLength(1);
  });
});
