/**
 * The timeline's scale policy (src/charts/timeline/bounds.ts), checked on the curated data (nothing
 * grouped or left out) and on the seeded generator's x10 and x100 data: no claim lost from the lanes,
 * every grouped mark's count and words true to the claims it stands for, events capped to distinct
 * months with the rest counted.
 */
import { describe, expect, it } from 'vitest';
import { LABELLED_PER_ROW, OWN_ROWS } from '../../src/charts/scale.ts';
import { dateSpan } from '../../src/charts/shared.ts';
import {
  eventsNote,
  eventsToMark,
  groupedNote,
  MARKED_EVENTS,
  OTHER_LANE_ID,
  timelineLanes,
  yearGroups,
} from '../../src/charts/timeline/bounds.ts';
import { describeTimeline } from '../../src/charts/timeline/describe.ts';
import { laneClaimants, markedEvents, timelineRows } from '../../src/charts/timeline/rows.ts';
import { yearOf } from '../../src/lib/dates.ts';
import { scaledData } from './scaled-data.ts';

const scaled = scaledData('timeline-bounds-test');

describe('at the curated size', () => {
  const data = scaled(1);
  const rows = timelineRows(data);

  it('gives every claimant its own lane, none grouped, and marks every event', () => {
    const lanes = timelineLanes(data, rows);
    expect(lanes.map((lane) => lane.claimant.id)).toEqual(laneClaimants(data).map((lane) => lane.id));
    expect(lanes.some((lane) => lane.grouped)).toBe(false);
    expect(eventsToMark(data, rows)).toEqual({ events: markedEvents(data), leftOut: 0 });
    expect(groupedNote(lanes)).toBe('');
    expect(eventsNote(0)).toBe('');
    expect(describeTimeline(data)).not.toMatch(/grouped|Other claimants|not marked/);
  });
});

describe.each([10, 100])('at x%i', (scale) => {
  const data = scaled(scale);
  const rows = timelineRows(data);
  const lanes = timelineLanes(data, rows);

  it('draws at most OWN_ROWS lanes, the last shared by the rest, and loses no claim', () => {
    expect(lanes).toHaveLength(OWN_ROWS);
    const other = lanes.at(-1)!;
    expect(other.claimant.id).toBe(OTHER_LANE_ID);
    expect(other.grouped).toBe(true);
    const drawn = lanes.flatMap((lane) => lane.rows.map((row) => row.claimId)).sort();
    expect(drawn).toEqual(rows.map((row) => row.claimId).sort());
    // The shared lane names how many claimants it holds, and they are the ones without a lane.
    const rest = new Set(other.rows.map((row) => row.claimantId.split(' ')).flat());
    expect(other.claimantCount).toBe(rest.size);
    expect(other.claimant.name).toBe(`Other claimants (${rest.size})`);
    // Each kept lane has at least as many claims as any lane folded into the shared one.
    const fewestKept = Math.min(...lanes.slice(0, -1).map((lane) => lane.rows.length));
    for (const lane of laneClaimants(data).filter((group) => !lanes.some((kept) => kept.claimant.id === group.id)))
      expect(rows.filter((row) => row.claimantId === lane.id).length).toBeLessThanOrEqual(fewestKept);
  });

  it('groups a lane exactly when it has more than LABELLED_PER_ROW claims (the shared lane always)', () => {
    for (const lane of lanes)
      expect(lane.grouped, lane.claimant.name).toBe(
        lane.claimant.id === OTHER_LANE_ID || lane.rows.length > LABELLED_PER_ROW,
      );
  });

  it("splits a grouped lane into years that hold each of its claims once, and names each group's count, year and verification", () => {
    for (const lane of lanes.filter((candidate) => candidate.grouped)) {
      const groups = yearGroups(data, lane);
      expect(groups.flatMap((group) => group.rows.map((row) => row.claimId)).sort()).toEqual(
        lane.rows.map((row) => row.claimId).sort(),
      );
      for (const group of groups) {
        expect(group.rows.every((row) => yearOf(row.end) === group.year)).toBe(true);
        expect(group.rows).toContain(group.first);
        const count = group.rows.length.toLocaleString('en-GB');
        expect(group.label).toContain(`${lane.claimant.name}: ${count} claim`);
        expect(group.label).toContain(`a date in ${group.year}`);
        expect(group.label).toMatch(/none independently verified|independently confirmed, the rest unverified/);
        const totals = group.rows.filter((row) => row.span === 'since_coup').length;
        if (totals > 1)
          expect(group.label).toContain(`${totals.toLocaleString('en-GB')} running totals since the coup`);
        const vague = group.rows.filter((row) => row.vague).length;
        if (vague > 1) expect(group.label).toContain(`${vague.toLocaleString('en-GB')} give no number`);
      }
    }
  });

  it('marks MARKED_EVENTS events in distinct months, in date order, and counts the rest', () => {
    const all = markedEvents(data);
    const { events, leftOut } = eventsToMark(data, rows);
    expect(events).toHaveLength(MARKED_EVENTS);
    expect(leftOut).toBe(all.length - MARKED_EVENTS);
    expect(events).toEqual(all.filter((event) => events.includes(event)));
    const months = events.map((event) => dateSpan(event.date).mid.toISOString().slice(0, 7));
    expect(new Set(months).size).toBe(MARKED_EVENTS);
    expect(eventsNote(leftOut)).toContain(`${leftOut.toLocaleString('en-GB')} other events are not marked`);
  });

  it('says in its description what is grouped and how many events are not marked', () => {
    const description = describeTimeline(data);
    expect(description).toMatch(/Other claimants \(\d+\)/);
    expect(description).toContain('drawn grouped');
    expect(description).toContain(
      `${eventsToMark(data, rows).leftOut.toLocaleString('en-GB')} other events are not marked`,
    );
    expect(description).toContain(`${rows.length.toLocaleString('en-GB')} claims from`);
  });
});
