/**
 * The contract every chart module fulfils. A chart is data in, SVG out: the registry (index.ts)
 * lists the modules, and pages, embeds, downloads and snapshot tests all iterate that list, so a
 * new chart is one new file plus one line there.
 */
import type { Dataset } from '../lib/dataset.ts';
import type { Claim, Claimant, Source } from '../lib/types.ts';

/** The dataset with the look-ups every chart needs. Built once per build by chartData(). */
export interface ChartData extends Dataset {
  claimById: Map<string, Claim>;
  claimantById: Map<string, Claimant>;
  sourceById: Map<string, Source>;
}

export interface RenderContext {
  /** The width the SVG is drawn for, in CSS pixels: each variant is laid out for its width, never shrunk. */
  width: number;
  /** The DOM to draw into (linkedom's on the server). */
  document: Document;
}

/** One column of the chart's table, which is also one column of its CSV download. */
export interface ChartColumn<Row> {
  key: string;
  label: string;
  value: (row: Row) => string | number | null;
  /** Right-aligned in the table; in the CSV, a number (or empty), never text (src/charts/csv.ts). */
  numeric?: boolean;
  /**
   * In the CSV, these columns in its place: the table's words split into numbers a spreadsheet can
   * use ("92 to 152" as a low and a high column, "−47" as -47).
   */
  csv?: CsvColumn<Row>[];
}

/** One CSV column: a number (numeric) or text. */
export interface CsvColumn<Row> {
  key: string;
  value: (row: Row) => string | number | null;
  numeric?: boolean;
}

export interface ChartDefinition<Row = unknown> {
  /** URL-safe and stable: /embed/<id>/, /charts/<id>.svg, #chart-<id>. */
  id: string;
  title: string;
  /** One sentence saying what to look for. */
  subtitle: string;
  /** What draws it, for the credit line and the benchmark. */
  engine: 'plot' | 'd3';
  /** Exactly the rows the chart draws: its table and its CSV. */
  rows: (data: ChartData) => Row[];
  columns: ChartColumn<Row>[];
  /** The claims a row stands for: they give the chart's sources, claimants and mark links. */
  claimIds: (row: Row) => string[];
  /** A description written from the data, for screen readers and alt text: what it shows, not "chart". */
  describe: (data: ChartData) => string;
  /**
   * A shorter description for the image alt text (capped at 1,000 characters, src/lib/alt-text.ts),
   * when describe() runs longer: it must still give every answer the chart gives, since an alt text
   * that drops its last sentences drops findings. Without it, describe() is used whole.
   */
  summarise?: (data: ChartData) => string;
  /**
   * How the chart behaves as the data grows (issue 13, limits in src/charts/scale.ts): `bounded`
   * when its marks, labels and bytes stay within tests/charts/scale.test.ts's bounds at 100x the
   * data, and in words what it groups or, while it is not bounded, what still grows.
   */
  atScale: { bounded: boolean; policy: string };
  /** Draws the chart into ctx.document and returns its root <svg>. render.ts finishes it. */
  draw: (data: ChartData, ctx: RenderContext) => SVGSVGElement;
}

/** The registry holds charts of different row types; this is the erased type it iterates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each chart's Row type is checked inside its own module
export type AnyChart = ChartDefinition<any>;

export function defineChart<Row>(chart: ChartDefinition<Row>): ChartDefinition<Row> {
  return chart;
}
