/**
 * A time axis that squeezes out whole calendar years in which nothing is drawn. The running totals
 * sit in 2021 and late 2023: on a plain axis the middle third of a phone's width is empty and the
 * marks and their labels are crammed at the two ends. Each empty year keeps a narrow gap of its own
 * (its name still under it) and is marked as a break on the axis, so the squeeze is never hidden.
 */

const DAY = 86_400_000;

export interface AxisBreak {
  /** The year left out: 1 January of it, and of the year after. */
  from: Date;
  to: Date;
  /** Where the gap starts and ends, in px. */
  left: number;
  right: number;
}

export interface BrokenAxis {
  /** Piecewise domain and range, for Plot's x scale (a d3 polylinear scale). */
  domain: Date[];
  range: number[];
  breaks: AxisBreak[];
  xOf: (date: Date) => number;
  dateOf: (px: number) => Date;
  /** 1 January of every year inside the axis, for gridlines. */
  yearStarts: Date[];
  /** Each year's span on the axis, for centred year labels. */
  years: { year: number; left: number; right: number; broken: boolean }[];
}

const utcYearStart = (year: number) => new Date(Date.UTC(year, 0, 1));

/**
 * The axis from `start` to `end` over [left, right] px, with each calendar year that contains none
 * of `occupied` (and lies wholly inside the axis) squeezed to `gap` px. The rest keeps one scale.
 */
export function brokenTimeAxis(
  start: Date,
  end: Date,
  occupied: readonly Date[],
  left: number,
  right: number,
  gap: number,
): BrokenAxis {
  const firstYear = start.getUTCFullYear();
  const lastYear = end.getUTCFullYear();
  const empty: number[] = [];
  for (let year = firstYear + 1; year < lastYear; year++) {
    const from = utcYearStart(year).getTime();
    const to = utcYearStart(year + 1).getTime();
    if (to <= end.getTime() && !occupied.some((date) => date.getTime() >= from && date.getTime() < to))
      empty.push(year);
  }
  // Days drawn at the common scale, and the px they share once the gaps are taken out.
  const emptyDays = empty.reduce(
    (sum, year) => sum + (utcYearStart(year + 1).getTime() - utcYearStart(year).getTime()) / DAY,
    0,
  );
  const keptDays = (end.getTime() - start.getTime()) / DAY - emptyDays;
  const perDay = (right - left - empty.length * gap) / keptDays;
  const domain: Date[] = [start];
  const range: number[] = [left];
  const breaks: AxisBreak[] = [];
  let at = left;
  let from = start;
  for (const year of empty) {
    const yearFrom = utcYearStart(year);
    const yearTo = utcYearStart(year + 1);
    at += ((yearFrom.getTime() - from.getTime()) / DAY) * perDay;
    domain.push(yearFrom, yearTo);
    range.push(at, at + gap);
    breaks.push({ from: yearFrom, to: yearTo, left: at, right: at + gap });
    at += gap;
    from = yearTo;
  }
  domain.push(end);
  range.push(right);
  const xOf = (date: Date) => {
    const t = date.getTime();
    let index = domain.findIndex((edge, i) => i > 0 && t <= edge.getTime());
    if (index === -1) index = domain.length - 1;
    if (index === 0) index = 1;
    const d0 = (domain[index - 1] as Date).getTime();
    const d1 = (domain[index] as Date).getTime();
    const r0 = range[index - 1] as number;
    const r1 = range[index] as number;
    return r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
  };
  const dateOf = (px: number) => {
    let index = range.findIndex((edge, i) => i > 0 && px <= edge);
    if (index === -1) index = range.length - 1;
    if (index === 0) index = 1;
    const d0 = (domain[index - 1] as Date).getTime();
    const d1 = (domain[index] as Date).getTime();
    const r0 = range[index - 1] as number;
    const r1 = range[index] as number;
    return new Date(d0 + ((px - r0) / (r1 - r0)) * (d1 - d0));
  };
  const yearStarts: Date[] = [];
  const years: BrokenAxis['years'] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const yearStart = utcYearStart(year);
    if (yearStart.getTime() > start.getTime() && yearStart.getTime() <= end.getTime()) yearStarts.push(yearStart);
    const spanFrom = Math.max(start.getTime(), yearStart.getTime());
    const spanTo = Math.min(end.getTime(), utcYearStart(year + 1).getTime());
    if (spanTo > spanFrom)
      years.push({
        year,
        left: xOf(new Date(spanFrom)),
        right: xOf(new Date(spanTo)),
        broken: empty.includes(year),
      });
  }
  return { domain, range, breaks, xOf, dateOf, yearStarts, years };
}
