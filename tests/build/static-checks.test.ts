/**
 * Static quality gates on the built site (issue 6): HTML validity, internal links and anchors
 * (also under a sub-path base), a strict CSP on every page, no third-party requests, size budgets,
 * and byte-identical rebuilds. This file builds three times into a temporary folder of its own
 * (not test-output/dist, which any concurrent `npm test` rebuilds under our feet): twice at the
 * root, to compare byte for byte, and once with BASE_PATH=/defections/ for the sub-path link check.
 * Helpers: tests/static/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { compareBuilds, NONDETERMINISTIC_FILES } from '../static/determinism.ts';
import { BUDGETS, javascriptOf, pageWeight, type PageWeight } from '../static/budgets.ts';
import { checkCsp } from '../static/csp.ts';
import { checkRobots } from '../static/crawlers.ts';
import { htmlFiles, pageReferences, readPage, siteOriginOf, urlPathOf, type BuiltSite } from '../static/dist.ts';
import { checkLinks } from '../static/links.ts';
import { validateHtml } from '../static/vnu.ts';
import { buildSite, PROJECT_ROOT } from './build-site.ts';

const SUB_PATH = '/defections/';
const workDir = mkdtempSync(join(tmpdir(), 'static-checks-'));
const first = join(workDir, 'first');
const second = join(workDir, 'second');
const subPath = join(workDir, 'sub-path');
let site: BuiltSite;
let subSite: BuiltSite;
const buildMs: number[] = [];

/** Failures listed one per line, so a red test says everything that needs fixing. */
function report(failures: string[]): string {
  return failures.length ? `\n${failures.map((line) => `  - ${line}`).join('\n')}\n` : '';
}

function writeReport(name: string, content: unknown) {
  const dir = join(PROJECT_ROOT, 'test-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), JSON.stringify(content, null, 2) + '\n');
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

describe('static checks on the built site', () => {
  beforeAll(async () => {
    for (const [outDir, env] of [
      [first, {}],
      [second, {}],
      [subPath, { BASE_PATH: SUB_PATH }],
    ] as const) {
      const started = performance.now();
      const result = await buildSite({ outDir, env });
      if (result.code !== 0)
        throw new Error(`The site did not build into ${outDir} (${JSON.stringify(env)}):\n${result.output}`);
      buildMs.push(performance.now() - started);
    }
    site = { outDir: first, basePath: '/', siteOrigin: siteOriginOf(first) };
    subSite = { outDir: subPath, basePath: SUB_PATH, siteOrigin: siteOriginOf(subPath) };
    console.log(`static checks: built in ${buildMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  }, 900_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  test('every page is valid HTML (vnu, 0 errors)', () => {
    expect(htmlFiles(site.outDir).length).toBeGreaterThan(0);
    const errors = validateHtml(site.outDir);
    expect(errors, report(errors)).toEqual([]);
  });

  test('robots.txt names the sitemap by its absolute address, under the sub-path too', () => {
    for (const built of [site, subSite]) expect(checkRobots(built), built.basePath).toEqual([]);
  });

  test('every internal link, resource and #anchor resolves; external links are listed, not fetched', () => {
    const links = checkLinks(site);
    writeReport('external-links.json', links.external);
    console.log(
      `links: ${links.checked} internal references resolved; ${links.external.length} external links listed in test-output/external-links.json`,
    );
    expect(links.checked).toBeGreaterThan(0);
    expect(links.broken, report(links.broken)).toEqual([]);
  });

  test(`the site built under ${SUB_PATH} passes the link check too`, () => {
    const links = checkLinks(subSite);
    expect(links.checked).toBeGreaterThan(0);
    expect(links.broken, report(links.broken)).toEqual([]);
  });

  test("every page carries a strict CSP (Astro's security.csp) with no 'unsafe-inline'", () => {
    const problems = checkCsp(site);
    expect(problems, report(problems)).toEqual([]);
  });

  test('no page loads anything from another host', () => {
    const thirdParty: string[] = [];
    for (const file of htmlFiles(site.outDir)) {
      const pageUrl = site.siteOrigin + urlPathOf(file, site.basePath);
      for (const reference of pageReferences(readPage(site.outDir, file).document)) {
        if (!reference.loads || /^(data|blob):/i.test(reference.value)) continue;
        const url = new URL(reference.value, pageUrl);
        if (url.origin !== site.siteOrigin) thirdParty.push(`${file}: ${reference.kind} loads ${url.href}`);
      }
    }
    expect(thirdParty, report(thirdParty)).toEqual([]);
  });

  describe('size budgets (gzip level 6; 1 KB = 1,000 bytes)', () => {
    const weights = () => htmlFiles(site.outDir).map((file) => ({ file, weight: pageWeight(site, file) }));
    const embedFiles = () => htmlFiles(site.outDir).filter((file) => /^embed\/.+\/index\.html$/.test(file));
    const line = (weight: PageWeight) =>
      `${weight.page}: total ${kb(weight.total)} (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, JS ${kb(weight.js)} + inline ${kb(weight.inlineJs)}, other ${kb(weight.other)})`;

    test('sizes report', () => {
      const all = weights();
      writeReport(
        'size-report.json',
        all.map(({ weight }) => weight),
      );
      console.log(`page weights:\n${all.map(({ weight }) => `  ${line(weight)}`).join('\n')}`);
      const missing = all.flatMap(({ file, weight }) =>
        weight.missing.map((path) => `${file}: loads ${path}, which is not in the build`),
      );
      expect(missing, report(missing)).toEqual([]);
    });

    test(`every chart has an embed page, and each with everything it loads is at most ${kb(BUDGETS.embedTotal)}`, () => {
      const files = embedFiles();
      const failures = CHARTS.filter((chart) => !files.includes(`embed/${chart.id}/index.html`)).map(
        (chart) => `no embed page for chart "${chart.id}" (expected embed/${chart.id}/index.html)`,
      );
      for (const file of files) {
        const weight = pageWeight(site, file);
        if (weight.total > BUDGETS.embedTotal) failures.push(`over budget: ${line(weight)}`);
      }
      expect(failures, report(failures)).toEqual([]);
    });

    test(`the home page's HTML + CSS + JS is at most ${kb(BUDGETS.homeHtmlCssJs)}`, () => {
      const weight = pageWeight(site, 'index.html');
      const htmlCssJs = weight.html + weight.css + weight.js;
      expect(htmlCssJs, `home page: ${line(weight)}`).toBeLessThanOrEqual(BUDGETS.homeHtmlCssJs);
    });

    test(`no page runs more than ${kb(BUDGETS.jsPerPage)} of JavaScript`, () => {
      const failures = weights()
        .filter(({ weight }) => javascriptOf(weight) > BUDGETS.jsPerPage)
        .map(({ weight }) => `${weight.page}: ${kb(javascriptOf(weight))} of JavaScript`);
      expect(failures, report(failures)).toEqual([]);
    });
  });

  test('two builds in a row are byte-identical', () => {
    const differences = compareBuilds(first, second);
    if (NONDETERMINISTIC_FILES.length)
      console.log(
        `determinism exceptions: ${NONDETERMINISTIC_FILES.map((entry) => `${entry.pattern} (${entry.reason})`).join('; ')}`,
      );
    expect(differences, report(differences)).toEqual([]);
  });
});
