/**
 * The pure parts of embedding and exporting: text measuring and wrapping, alt text, embed option
 * paths, the host snippet's behaviour (run against a fake window), PNG text chunks, the CSS
 * minifier and the data dictionary the Data Package is built from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { chartFacts, exportSvg, pngSize, svgToPng, withPngText } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { textWidth, wrapText } from '../../src/charts/text-metrics.ts';
import { ALT_TEXT_MAX, composeAltText, listInWords } from '../../src/lib/alt-text.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { fieldFromDictionary, parseDataDictionary } from '../../src/lib/datapackage.ts';
import { columnsOf, DATA_FILES, type DataFileKey } from '../../src/lib/schema.ts';
import { RESIZE_MESSAGE_TYPE } from '../../src/site/embed-protocol.ts';
import {
  DEFAULT_EMBED_OPTIONS,
  EMBED_OPTION_SETS,
  embedHeightAt,
  embedPath,
  fixedEmbedHeight,
  hostSnippet,
  optionsFromSlug,
  variantSlug,
} from '../../src/site/embed.ts';
import { minifyCss } from '../../src/site/minify-css.ts';
import { decodePng } from '../build/png.ts';
import { fakeHost } from './fake-host.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const data = chartData(loadDataset(join(ROOT, 'data')));

describe('text metrics', () => {
  it('measures DejaVu Sans advance widths', () => {
    expect(textWidth('i', 1000)).toBe(278);
    expect(textWidth('W', 10, 'bold')).toBeCloseTo(11.03);
    expect(textWidth('ab', 10)).toBeCloseTo(12.48);
  });

  it('wraps greedily at spaces, never past the width unless one word is wider', () => {
    const text = 'All figures are claims by interested parties; none has been independently verified.';
    for (const width of [80, 150, 300, 600]) {
      const lines = wrapText(text, width, 13);
      expect(lines.join(' ')).toBe(text);
      for (const line of lines) if (line.includes(' ')) expect(textWidth(line, 13)).toBeLessThanOrEqual(width);
    }
  });

  it('keeps words joined by a no-break space on one line', () => {
    expect(wrapText('licence CC\u00a0BY\u00a04.0', 60, 12).at(-1)).toBe('CC\u00a0BY\u00a04.0');
  });
});

describe('alt text', () => {
  it('names claimants and outlets and says the figures are unverified claims', () => {
    const text = composeAltText({
      description: 'Totals rise from 3,000 to 20,000',
      outlets: ['RFA', 'The Irrawaddy', 'RFA'],
      claimants: ['NUG'],
    });
    expect(text).toBe(
      'Totals rise from 3,000 to 20,000. Figures claimed by NUG. Reported by RFA and The Irrawaddy. These are unverified claims.',
    );
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('is written from the data for every chart, not "chart"', () => {
    for (const chart of CHARTS) {
      const { altText, credits } = chartFacts(chart, data);
      expect(altText.length, chart.id).toBeGreaterThan(120);
      for (const claimant of credits.claimants) expect(altText).toContain(claimant.name);
      for (const source of credits.sources) expect(altText).toContain(source.outlet);
      expect(altText).toContain('unverified claims');
      // Under the 1,000 characters social platforms keep, with the disclaimer said once.
      expect(altText.length, chart.id).toBeLessThan(1000);
      expect(altText.match(/verified/g), chart.id).toHaveLength(1);
    }
  });

  it('drops the sentences that do not fit and the description’s own verification notes', () => {
    const long = Array.from({ length: 40 }, (_, index) => `Sentence ${index} says something about the chart.`);
    const text = composeAltText({
      description: ['No figure is independently verified.', ...long].join(' '),
      outlets: ['RFA'],
      claimants: ['NUG'],
    });
    expect(text.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(text.startsWith('Sentence 0 says')).toBe(true);
    expect(text.endsWith('Figures claimed by NUG. Reported by RFA. These are unverified claims.')).toBe(true);
  });
});

describe('alt text that has to leave sentences out', () => {
  const rest = 'Shortened to fit: the page has the rest.';
  const filler = (words: number) => Array.from({ length: words }, (_, index) => `word${index}`).join(' ');

  it('says so, once, after the last whole sentence that fits', () => {
    const text = composeAltText({
      description: `First sentence. Second ${filler(200)}. Third.`,
      outlets: ['RFA'],
      claimants: ['NUG'],
      rest,
    });
    expect(text).toBe(`First sentence. ${rest} Figures claimed by NUG. Reported by RFA. These are unverified claims.`);
  });

  it('never ends on an abbreviation mistaken for the end of a sentence', () => {
    const text = composeAltText({
      description: `First sentence. The U.S. Committee No. 5 of Lt. Col. Aung counted ${filler(200)}.`,
      outlets: ['RFA'],
      claimants: ['NUG'],
      rest,
    });
    expect(text.startsWith(`First sentence. ${rest} `)).toBe(true);
  });

  it('counts claimants and outlets when their names leave no room, and falls back on the title', () => {
    const names = (kind: string) =>
      Array.from({ length: 12 }, (_, index) => `${kind} ${index} of the ${filler(8)} Association`);
    const text = composeAltText({
      description: `${filler(300)}.`,
      outlets: names('Outlet'),
      claimants: names('Claimant'),
      rest,
      title: 'Every claim on one timeline',
    });
    expect(text).toBe(
      `Every claim on one timeline. ${rest} Figures claimed by 12 claimants. Reported by 12 outlets. These are unverified claims.`,
    );
  });

  it('says the disclaimer once, whatever the description says about verification', () => {
    const text = composeAltText({
      description: 'Ten claims. Only 2 of the 10 claims have been independently confirmed. None is verified.',
      outlets: ['RFA'],
      claimants: ['NUG'],
    });
    expect(text).toBe('Ten claims. Figures claimed by NUG. Reported by RFA. These are unverified claims.');
  });
});

describe('embed options', () => {
  it('has one prebuilt page per combination, each with its own path, default first', () => {
    expect(EMBED_OPTION_SETS).toHaveLength(12);
    expect(EMBED_OPTION_SETS[0]).toEqual(DEFAULT_EMBED_OPTIONS);
    const slugs = EMBED_OPTION_SETS.map(variantSlug);
    expect(new Set(slugs).size).toBe(12);
    expect(slugs).toContain('dark-plain-transparent');
    for (const options of EMBED_OPTION_SETS) expect(optionsFromSlug(variantSlug(options))).toEqual(options);
    expect(() => optionsFromSlug('plain-dark')).toThrow(/in that order/);
    expect(embedPath('timeline')).toBe('/embed/timeline/');
    expect(embedPath('timeline', { theme: 'light', plain: true, transparent: false })).toBe(
      '/embed/timeline/light-plain/',
    );
  });

  it('gives the iframe-only code the greatest height the page reaches from 320 px up, plain pages less', () => {
    for (const chart of CHARTS) {
      const fixed = fixedEmbedHeight(chart, data);
      const heights = [320, 375, 414, 560, 583, 584, 768, 1024, 1440].map((width) =>
        embedHeightAt(chart, data, DEFAULT_EMBED_OPTIONS, width),
      );
      expect(fixed).toBe(Math.max(fixed, ...heights));
      expect(fixedEmbedHeight(chart, data, { ...DEFAULT_EMBED_OPTIONS, plain: true })).toBeLessThan(fixed);
    }
  });
});

describe('the host snippet', () => {
  const ours = 'https://defections.example.org';
  const code = hostSnippet(ours);
  const resize = (height: unknown) => ({ type: RESIZE_MESSAGE_TYPE, chart: 'timeline', height });

  it('is at most 0.5 KB gzipped and parses as a script', () => {
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(500);
    expect(() => new Function(code)).not.toThrow();
  });

  it('resizes only the iframe that sent the message, only for messages from our origin', () => {
    const host = fakeHost('https://news.example', [
      `${ours}/embed/timeline/`,
      `${ours}/embed/who-is-counting/`,
      'https://other.example/embed/',
    ]);
    host.run(code);
    const [timeline, other, foreign] = host.iframes;
    host.send(resize(640), { origin: ours, source: timeline?.contentWindow });
    expect(timeline?.style.height).toBe('640px');
    expect(other?.style.height).toBe('');
    host.send(resize(99), { origin: 'https://other.example', source: foreign?.contentWindow });
    expect(foreign?.style.height).toBe('');
    host.send(resize(99), { origin: 'https://other.example', source: timeline?.contentWindow });
    expect(timeline?.style.height).toBe('640px');
    host.send(resize(99), { origin: ours, source: { not: 'an iframe of this page' } });
    host.send({ type: 'someone-else:resize', height: 99 }, { origin: ours, source: timeline?.contentWindow });
    for (const bad of [0, -5, 'tall', null]) host.send(resize(bad), { origin: ours, source: timeline?.contentWindow });
    host.send(resize(99), { origin: 'null', source: timeline?.contentWindow });
    expect(timeline?.style.height).toBe('640px');
    host.send(resize(700.2), { origin: ours, source: timeline?.contentWindow });
    expect(timeline?.style.height).toBe('701px');
  });

  it('in a sandboxed host, accepts the opaque origin only from an iframe of ours', () => {
    const host = fakeHost('null', [`${ours}/embed/timeline/`, 'https://other.example/embed/']);
    host.run(code);
    const [timeline, foreign] = host.iframes;
    host.send(resize(500), { origin: 'null', source: timeline?.contentWindow });
    host.send(resize(500), { origin: 'null', source: foreign?.contentWindow });
    expect(timeline?.style.height).toBe('500px');
    expect(foreign?.style.height).toBe('');
  });

  it('listens once however many times it is pasted', () => {
    const host = fakeHost('https://news.example', [`${ours}/embed/timeline/`]);
    host.run(code);
    host.run(code);
    expect(host.listeners).toHaveLength(1);
  });
});

describe('exported images', () => {
  const chart = CHARTS[0]!;
  const options = {
    theme: 'light' as const,
    explainerUrl: 'https://defections.example.org/',
    siteName: 'Leaving the Tatmadaw',
  };

  it('draws a standalone SVG whose PNG has the same size, text chunks intact', () => {
    const { svg, width, height } = exportSvg(chart, data, options);
    const { png } = svgToPng(svg, 2);
    const tagged = withPngText(png, { Description: 'Alt “text” ✓', Title: chart.title });
    expect(pngSize(tagged)).toEqual({ width: width * 2, height: height * 2 });
    const decoded = decodePng(tagged);
    expect(decoded.text).toEqual({ Description: 'Alt “text” ✓', Title: chart.title });
  });
});

describe('CSS minifier', () => {
  it('drops comments and spaces that carry no meaning', () => {
    expect(
      minifyCss(
        '/* x */\n.a > .b ,\n.c {\n  color: red;\n  margin: 0 0 4px;\n}\n@media (min-width: 3px) { .d { top: 0; } }',
      ),
    ).toBe('.a>.b,.c{color:red;margin:0 0 4px}@media (min-width:3px){.d{top:0}}');
  });
});

describe('the data dictionary in data/README.md', () => {
  const dictionary = parseDataDictionary(readFileSync(join(ROOT, 'data', 'README.md'), 'utf8'));

  it('documents every column of every file', () => {
    for (const key of Object.keys(DATA_FILES) as DataFileKey[]) {
      const documented = dictionary.get(DATA_FILES[key].file)?.map((column) => column.name);
      expect(documented, DATA_FILES[key].file).toEqual(columnsOf(key));
    }
  });

  it('turns "allowed values" into Table Schema types and constraints', () => {
    expect(
      fieldFromDictionary({ name: 'unit', meaning: 'What `figure` counts.', allowed: '`people`, `battalions`' }),
    ).toMatchObject({
      type: 'string',
      description: 'What figure counts. Allowed values: people, battalions.',
      constraints: { required: true, enum: ['people', 'battalions'] },
    });
    expect(
      fieldFromDictionary({ name: 'figure', meaning: 'The number.', allowed: 'positive integer or empty' }),
    ).toMatchObject({
      type: 'integer',
      constraints: { minimum: 1 },
    });
    expect(
      fieldFromDictionary({ name: 'source_id', meaning: 'Article.', allowed: 'an `id` in `sources.csv`' }).constraints
        .enum,
    ).toBeUndefined();
    expect(fieldFromDictionary({ name: 'url', meaning: 'Address.', allowed: 'URL' }).format).toBe('uri');
  });
});
