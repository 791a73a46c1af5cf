/**
 * Every SVG the site publishes is well-formed XML: each .svg file in the build (downloads, icons)
 * and each inline <svg> in each page, parsed strictly (tests/static/xml.ts).
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { svgXmlProblems } from '../static/xml.ts';
import { BUILT_SITE } from './build-site.ts';

describe('SVG in the built site', () => {
  it('parses as XML everywhere: files and inline', () => {
    const { checked, problems } = svgXmlProblems(BUILT_SITE);
    // At least each chart's two downloads (light, dark) and its two inline variants on the explainer.
    expect(checked).toBeGreaterThanOrEqual(CHARTS.length * 4);
    expect(problems.map((problem) => `${problem.where}: ${problem.error}`)).toEqual([]);
  });
});
