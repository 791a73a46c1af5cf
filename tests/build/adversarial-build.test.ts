/**
 * A real build of data full of legitimate but awkward text: a claimant called
 * "Arakan Army & allies <AA>", a quote with & < > " ', a headline that tries to close the JSON-LD
 * script, Burmese script. It must build, and every output context must carry the text escaped:
 * SVG that parses as XML, PNGs that render, JSON-LD that parses back to the text, no stray script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../src/lib/schema.ts';
import { checkCsp } from '../static/csp.ts';
import { htmlFiles } from '../static/dist.ts';
import { svgXmlProblems } from '../static/xml.ts';
import { DATA_KEYS, editDataTexts, readDataTexts } from '../unit/data-texts.ts';
import { buildSite } from './build-site.ts';
import { decodePng } from './png.ts';
import { copyProject } from './project-copy.ts';

const CLAIMANT = 'Arakan Army & allies <AA>';
const QUOTE = `They said "453 & more" left <today>, and 'more' will`;
const HEADLINE = '</script><script>alert(1)</script><!-- & ]]>';
const BURMESE = 'ရခိုင့်တပ်တော် & မဟာမိတ်များ';

const project = copyProject('adversarial-site-');
const outDir = join(project.root, 'dist');
let build = { code: 1, output: '' };

beforeAll(async () => {
  const texts = editDataTexts(readDataTexts(), [
    { file: 'claimants', row: 0, column: 'name', value: CLAIMANT },
    { file: 'claimants', row: 0, column: 'short_name', value: 'AA & <allies>' },
    { file: 'claimants', row: 0, column: 'description', value: BURMESE },
    { file: 'claims', row: 0, column: 'quote', value: QUOTE },
    { file: 'claims', row: 0, column: 'place', value: 'Sagaing & <Magway>' },
    { file: 'sources', row: 0, column: 'headline', value: HEADLINE },
    { file: 'sources', row: 0, column: 'outlet', value: 'Radio "Free" Asia & <Co>' },
    { file: 'events', row: 0, column: 'title', value: 'Coup & <crackdown>' },
  ]);
  for (const key of DATA_KEYS) writeFileSync(join(project.root, 'data', DATA_FILES[key].file), texts[key]);
  build = await buildSite({ root: project.root, outDir });
});
afterAll(() => (process.env.KEEP_COPY ? console.log(project.root) : project.remove()));

describe('a build of data with & < > quotes, </script> and Burmese in every kind of text', () => {
  it('succeeds', () => {
    expect(build.output).not.toMatch(/Error|error:/);
    expect(build.code).toBe(0);
  });

  it('writes every SVG, file and inline, as well-formed XML', () => {
    const { checked, problems } = svgXmlProblems(outDir);
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('renders the PNGs: the timeline (which crashed resvg) decodes at its stated size', () => {
    for (const name of ['timeline.png', 'timeline-dark@2x.png', 'who-is-counting.png']) {
      const png = decodePng(readFileSync(join(outDir, 'charts', name)));
      expect(png.width, name).toBeGreaterThan(300);
    }
  });

  it('keeps the hostile headline inside the JSON-LD, which parses back to it', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
      JSON.parse(script.textContent ?? ''),
    );
    expect(JSON.stringify(jsonLd)).toContain(JSON.stringify(HEADLINE).slice(1, -1));
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
  });

  it('has no element or script on any page that the data smuggled in', () => {
    // `<` is harmless inside a quoted attribute value (HTML does not escape it there), so the test
    // is what a browser would build: no element named after the text's tags, no script but ours.
    const smuggled = 'aa, allies, today, magway, co, crackdown';
    for (const file of htmlFiles(outDir)) {
      const html = readFileSync(join(outDir, file), 'utf8');
      expect(html, file).not.toContain('<script>alert(1)');
      const { document } = parseHTML(html);
      expect(document.querySelectorAll(smuggled).length, file).toBe(0);
      for (const script of document.querySelectorAll('script')) {
        if (script.getAttribute('type') === 'application/ld+json') JSON.parse(script.textContent ?? '');
        else expect(script.textContent, file).not.toContain('alert(1)');
      }
    }
  });

  it('shows the text as written, escaped, on the claimants page and in the claims table', () => {
    const claimants = readFileSync(join(outDir, 'claimants', 'index.html'), 'utf8');
    expect(claimants).toContain('Arakan Army &amp; allies &lt;AA&gt;');
    // Descriptions are on each claimant's own page now; the index lists names.
    const claimantPage = readFileSync(join(outDir, 'claimants', 'nug', 'index.html'), 'utf8');
    expect(claimantPage).toContain('Arakan Army &amp; allies &lt;AA&gt;');
    expect(claimantPage).toContain('ရခိုင့်တပ်တော် &amp; မဟာမိတ်များ');
    const { document } = parseHTML(readFileSync(join(outDir, 'index.html'), 'utf8'));
    expect(document.body.textContent).toContain(QUOTE);
  });

  it('passes the CSP checks: the policy first, every inline script hashed', () => {
    expect(checkCsp({ outDir, basePath: '/', siteOrigin: 'https://defections.example.org' })).toEqual([]);
  });
});
