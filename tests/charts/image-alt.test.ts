/**
 * The image alt text of every chart (static PNG, embeds, oEmbed, the downloads' <desc> at both
 * layouts) is capped at 1,000 characters. It must end whole: complete sentences of the description,
 * a sentence saying what was left out when anything was, who claims the figures, who reported them
 * and the disclaimer once; never a description cut mid-way. For the arithmetic checks, whose full
 * description runs long, the shorter summary must fit whole, so that every check's answer is in it.
 * The same holds with long claimant and outlet names, where the lists themselves crowd the room.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { chartFacts, EXPORT_FRAMES, exportSvg, type ExportLayout } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { checkRows } from '../../src/charts/arithmetic-checks.ts';
import type { AnyChart, ChartData } from '../../src/charts/types.ts';
import { ALT_TEXT_MAX, DISCLAIMER } from '../../src/lib/alt-text.ts';
import { loadDataset } from '../../src/lib/dataset.ts';

const dataset = loadDataset(join(import.meta.dirname, '..', '..', 'data'));
const data = chartData(dataset);

/** The dataset with every claimant and outlet given a long name (with initials and a rank, whose full stops end no sentence). */
const longNames = chartData({
  ...dataset,
  claimants: dataset.claimants.map((claimant, index) => ({
    ...claimant,
    name: `${claimant.name}, also styled the U.S.-registered Committee No. ${index} of Lt. Col. Aung for the Documentation of Departures from the Armed Forces`,
  })),
  sources: dataset.sources.map((source, index) => ({
    ...source,
    outlet: `${source.outlet} Regional Edition ${index}, syndicated in translation by the Association of Independent Exile Broadcasters`,
  })),
});

const LAYOUTS = Object.keys(EXPORT_FRAMES) as ExportLayout[];
const SENTENCE_END = /[.?!)”"]$/;

/** What the download at `layout` says it shows, as the alt text of a reader's image. */
function exportedDesc(chart: AnyChart, chartData: ChartData, layout: ExportLayout): string {
  const { svg } = exportSvg(chart, chartData, {
    theme: 'light',
    explainerUrl: 'https://defections.example.org/',
    siteName: 'Test',
    layout,
  });
  const desc = /<desc id="[^"]+">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  return desc
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The alt text's promises, for one chart on one dataset. */
function expectWholeAltText(chart: AnyChart, chartData: ChartData, alt: string) {
  expect(alt.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
  expect(alt.endsWith(` ${DISCLAIMER}`)).toBe(true);
  // The disclaimer once: the description's own notes on verification are left to it.
  expect(alt.match(/verified|verification/gi)).toHaveLength(1);
  // Who claims the figures and who reported them, named or counted, right before the disclaimer.
  expect(alt).toMatch(/Figures claimed by [^]+?\. Reported by [^]+?\. These are unverified claims\.$/);
  const description = (chart.summarise ?? chart.describe)(chartData);
  const body = alt.slice(0, alt.indexOf(' Figures claimed by '));
  const shortened = body.match(/ ?Shortened to fit: [^]*$/);
  const kept = shortened ? body.slice(0, shortened.index) : body;
  if (shortened) {
    // Says what it left out and where that is.
    const claims = chartFacts(chart, chartData).credits.claimIds.length;
    expect(shortened[0]).toContain(`the full description and a table of all ${claims} claims`);
  }
  if (kept !== '' && kept !== `${chart.title}.`) {
    // What is kept is the description's first sentences, word for word, ending on a whole one...
    expect(description.startsWith(kept) || description.replace(/ [^.]*verified[^.]*\./i, '').startsWith(kept)).toBe(
      true,
    );
    expect(kept).toMatch(SENTENCE_END);
    // ...and the next character of the description starts a sentence (it was not cut inside one).
    const next = description.slice(kept.length);
    expect(next === '' || /^ [A-Z0-9“"‘'(]/u.test(next)).toBe(true);
  }
  if (!shortened) {
    // Nothing left out: every sentence of the description but its notes on verification.
    const unverifiedNotes = /\b(un)?verif(y|ied|ication)\b|\bindependently (confirmed|corroborated)\b/i;
    const expected = description
      .split(/(?<=[.!?]) (?=[A-Z0-9“"‘'(])/u)
      .filter((part) => !unverifiedNotes.test(part))
      .join(' ');
    expect(kept).toBe(expected);
  }
}

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('the image alt text of %s', (_id, chart) => {
  const alt = chartFacts(chart, data).altText;

  it('is at most 1,000 characters, whole sentences, says what it left out, and the disclaimer once', () => {
    expectWholeAltText(chart, data, alt);
    // The sentence before the disclaimer names the outlets: the description was not cut into it.
    expect(alt).toMatch(/Reported by [^.]+\. These are unverified claims\.$/);
  });

  it.each(LAYOUTS)('is the description of the %s download', (layout) => {
    expect(exportedDesc(chart, data, layout)).toBe(alt);
  });

  it('keeps its promises with long claimant and outlet names, at both layouts', () => {
    const long = chartFacts(chart, longNames).altText;
    expectWholeAltText(chart, longNames, long);
    for (const layout of LAYOUTS) expect(exportedDesc(chart, longNames, layout)).toBe(long);
  });

  if (chart.summarise) {
    it('keeps every sentence of its summary', () => {
      const summary = chart.summarise!(data);
      expect(alt.startsWith(summary)).toBe(true);
      expect(alt).not.toContain('Shortened to fit');
    });
  }
});

describe('the arithmetic checks alt text', () => {
  const chart = CHARTS.find((entry) => entry.id === 'do-the-numbers-add-up')!;
  const alt = chartFacts(chart, data).altText;

  it("gives every check's question and answer", () => {
    for (const row of checkRows(data)) {
      expect(alt).toContain(row.title);
      expect(alt).toContain(`: ${row.differenceText}, `);
    }
  });

  it("gives check b's result under every reading: 462, or 561 to 594, and +9 to +141", () => {
    expect(alt).toContain('= 462, or 561 to 594');
    expect(alt).toContain('+9 to +141');
  });
});
