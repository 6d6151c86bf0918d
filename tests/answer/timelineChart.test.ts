import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  CHART_DATE_CHARS,
  CHART_MAX_EVENTS,
  CHART_TEXT_CHARS,
  chartSummary,
  shortDate,
  timelineChart,
} from '../../src/answer/timelineChart.js';
import type { Timeline, TimelineEvent } from '../../src/answer/types.js';
import { compareResolvedDates, dayNumbers, type ResolvedDate } from '../../src/language/dateResolution.js';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });
const on = (year: number, month: number, d: number): ResolvedDate => ({ granularity: 'day', start: day(year, month, d), end: null });

function event(
  date: ResolvedDate | null,
  text = 'The ministers met in Geneva to sign the accord.',
  options: Partial<TimelineEvent> = {},
): TimelineEvent {
  const wording = 'on that day';
  const full = `${text} It happened ${wording}.`;
  const start = full.indexOf(wording);
  return {
    date,
    placedBy: null,
    wording,
    excerpt: { text: full, context: null, citations: [], highlight: { start, end: start + wording.length }, score: 0 },
    ...options,
  };
}

function timelineOf(entries: Timeline['entries'], extra: Partial<Timeline> = {}): Timeline {
  const datedCount = entries.reduce((sum, entry) => sum + entry.events.length, 0);
  return { topic: 'accord', status: 'answered', entries, undated: [], datedCount, undatedCount: 0, articleCount: 5, ...extra };
}

const single = (e: TimelineEvent) => ({ events: [e], differing: false });

describe('the timeline as drawing data', () => {
  it('keeps the events in calendar order, each between 0 and 1 on the axis, the axis running from the first day to the last', () => {
    const dates = [
      on(2026, 1, 2),
      { granularity: 'month', start: day(2026, 1, 1), end: null } as ResolvedDate,
      on(2026, 1, 9),
      on(2026, 2, 20),
    ];
    dates.sort(compareResolvedDates);
    const chart = timelineChart(timelineOf(dates.map((d) => single(event(d)))));
    expect(chart.rows.map((row) => row.firstDay)).toEqual(dates.map((d) => dayNumbers(d).first));
    for (let i = 1; i < chart.rows.length; i++) expect(chart.rows[i]!.from).toBeGreaterThanOrEqual(chart.rows[i - 1]!.from);
    expect(chart.axis).toEqual({ firstDay: dayNumbers(on(2026, 1, 1)).first, lastDay: dayNumbers(on(2026, 2, 20)).first });
    expect(chart.rows[0]!.from).toBe(0);
    expect(chart.rows.at(-1)!.to).toBe(1);
  });

  it('draws a range of days the text gives as a bar over those days, a day as a point, a month as a pale period', () => {
    const range: ResolvedDate = { granularity: 'day', start: day(2026, 1, 4), end: day(2026, 1, 7) };
    const month: ResolvedDate = { granularity: 'month', start: day(2025, 12, 1), end: null };
    const chart = timelineChart(timelineOf([single(event(month)), single(event(on(2026, 1, 2))), single(event(range))]));
    expect(chart.rows.map((row) => row.kind)).toEqual(['period', 'day', 'range']);
    const [december, second, fourToSeven] = chart.rows;
    // The axis runs from 1 December to 7 January: 38 days.
    const span = 38;
    expect(fourToSeven!.to - fourToSeven!.from).toBeCloseTo(4 / span, 10);
    expect(second!.to - second!.from).toBeCloseTo(1 / span, 10);
    expect(december!.to - december!.from).toBeCloseTo(31 / span, 10);
    expect(fourToSeven!.dateLabel).toBe('4–7 Jan 2026');
    expect(chart.uses.kinds).toEqual(['day', 'range', 'period']);
  });

  it('marks the versions of an event that articles date differently as one group, and no other event', () => {
    const pair = { events: [event(on(2026, 3, 5)), event(on(2026, 3, 6))], differing: true };
    const other = { events: [event(on(2026, 4, 1)), event(on(2026, 4, 3))], differing: true };
    const chart = timelineChart(timelineOf([single(event(on(2026, 3, 1))), pair, other, single(event(on(2026, 5, 1)))]));
    expect(chart.rows.map((row) => row.differingGroup)).toEqual([null, 0, 0, 1, 1, null]);
    expect(chart.uses.differing).toBe(true);
    expect(chartSummary(chart)).toContain('2 events dated differently');
    const plain = timelineChart(timelineOf([single(event(on(2026, 3, 1)))]));
    expect(plain.uses.differing).toBe(false);
    expect(chartSummary(plain)).not.toContain('differently');
  });

  it('shows at most CHART_MAX_EVENTS events, whole entries only, and says how many it leaves out', () => {
    const entries = Array.from({ length: CHART_MAX_EVENTS - 1 }, (_, i) => single(event(on(2026, 1, 1 + i))));
    // A pair whose second version would be one event too many: neither is drawn.
    entries.push({ events: [event(on(2026, 2, 1)), event(on(2026, 2, 2))], differing: true });
    entries.push(...Array.from({ length: 10 }, (_, i) => single(event(on(2026, 3, 1 + i)))));
    const timeline = timelineOf(entries, { undatedCount: 3 });
    const chart = timelineChart(timeline);
    expect(chart.rows).toHaveLength(CHART_MAX_EVENTS - 1);
    expect(chart.rows.every((row) => row.differingGroup === null)).toBe(true);
    expect(chart.notShown).toEqual({ dated: timeline.datedCount - (CHART_MAX_EVENTS - 1), undated: 3 });
    expect(chart.note).toBe(
      `${timeline.datedCount - (CHART_MAX_EVENTS - 1)} more dated events not shown · 3 undated events (no place on the axis)`,
    );
    expect(timelineChart(timeline, { maxEvents: 5 }).rows).toHaveLength(5);
    // A larger cap than the chart's own is not honoured: the picture stays bounded.
    expect(timelineChart(timeline, { maxEvents: 1000 }).rows.length).toBeLessThanOrEqual(CHART_MAX_EVENTS);
  });

  it('counts the events the timeline counted but did not quote among those not shown', () => {
    const chart = timelineChart(timelineOf([single(event(on(2026, 1, 1)))], { datedCount: 41 }));
    expect(chart.notShown.dated).toBe(40);
    expect(chart.note).toBe('40 more dated events not shown');
    expect(timelineChart(timelineOf([single(event(on(2026, 1, 1)))])).note).toBeNull();
  });

  it('draws an undated article’s event at the date that places it, marked as placed, its own wording in the label', () => {
    const placed = event(null, 'Its first cruise ship docked.', { wording: 'Sunday', placedBy: { date: on(2025, 5, 14), position: 1 } });
    const chart = timelineChart(timelineOf([single(event(on(2025, 5, 14))), single(placed)]));
    expect(chart.rows[1]!.placed).toBe(true);
    expect(chart.rows[1]!.dateLabel).toBe('Sunday (≈ 14 May 2025)');
    expect(chart.rows[1]!.from).toBe(chart.rows[0]!.from);
    expect(chart.rows[0]!.placed).toBe(false);
    expect(chart.uses.placed).toBe(true);
  });

  it('keeps labels short: a few words of the sentence, after the date when the sentence opens with it, and no control characters', () => {
    const long = event(on(2026, 1, 5), `The delegation of the ministry reviewed ${'very '.repeat(40)}long plans.`);
    const opening = { ...event(on(2026, 1, 6)), wording: 'On Monday' };
    opening.excerpt = { ...opening.excerpt, text: 'On Monday, the talks resumed in Oslo.', highlight: { start: 3, end: 9 } };
    const hostile = event(on(2026, 1, 7), 'Ships \u202Edocked\u0007 at dawn.');
    const chart = timelineChart(timelineOf([single(long), single(opening), single(hostile)]));
    expect([...chart.rows[0]!.text].length).toBeLessThanOrEqual(CHART_TEXT_CHARS);
    expect(chart.rows[0]!.text.startsWith('The delegation of the ministry')).toBe(true);
    expect(chart.rows[0]!.text.endsWith('…')).toBe(true);
    expect(chart.rows[1]!.text).toBe('the talks resumed in Oslo.');
    expect(chart.rows[2]!.text).not.toContain('\u202E');
    expect(chart.rows[2]!.text).not.toContain('\u0007');
    const weeks: ResolvedDate = { granularity: 'week', start: day(2025, 12, 29), end: day(2026, 2, 23) };
    expect([...timelineChart(timelineOf([single(event(weeks))])).rows[0]!.dateLabel].length).toBeLessThanOrEqual(CHART_DATE_CHARS);
  });

  it('has nothing to draw for a timeline without dated events', () => {
    const chart = timelineChart(timelineOf([], { undatedCount: 2 }));
    expect(chart.rows).toEqual([]);
    expect(chart.ticks).toEqual([]);
    expect(chart.note).toBe('2 undated events (no place on the axis)');
  });
});

describe('short dates and the ticks of the axis', () => {
  it('writes dates short, at their own precision', () => {
    expect(shortDate(on(2026, 1, 4))).toBe('4 Jan 2026');
    expect(shortDate({ granularity: 'day', start: day(2025, 12, 30), end: day(2026, 1, 2) })).toBe('30 Dec 2025 – 2 Jan 2026');
    expect(shortDate({ granularity: 'day', start: day(2026, 1, 30), end: day(2026, 2, 2) })).toBe('30 Jan – 2 Feb 2026');
    expect(shortDate({ granularity: 'month', start: day(2025, 12, 1), end: null })).toBe('Dec 2025');
    expect(shortDate({ granularity: 'year', start: day(2019, 1, 1), end: null })).toBe('2019');
  });

  it('ticks days over a short axis, months over a longer one, years over a long one; never more than ten', () => {
    const d = (year: number, month: number, dd: number) => dayNumbers(on(year, month, dd)).first;
    const days = axisTicks(d(2026, 1, 1), d(2026, 1, 7));
    expect(days.map((t) => t.label)).toEqual(['1 Jan 2026', '2 Jan', '3 Jan', '4 Jan', '5 Jan', '6 Jan', '7 Jan']);
    const months = axisTicks(d(2025, 11, 15), d(2026, 4, 30));
    expect(months.map((t) => t.label)).toEqual(['Dec 2025', 'Jan 2026', 'Feb', 'Mar', 'Apr']);
    const years = axisTicks(d(2001, 1, 1), d(2026, 1, 1));
    expect(years.map((t) => t.label)).toEqual(['2005', '2010', '2015', '2020', '2025']);
  });

  it('any span: ticks in order inside the axis, at most ten', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 20_000 }), (first, length) => {
        const ticks = axisTicks(first, first + length);
        expect(ticks.length).toBeLessThanOrEqual(10);
        for (let i = 0; i < ticks.length; i++) {
          expect(ticks[i]!.at).toBeGreaterThanOrEqual(0);
          expect(ticks[i]!.at).toBeLessThan(1);
          if (i > 0) expect(ticks[i]!.at).toBeGreaterThan(ticks[i - 1]!.at);
        }
      }),
    );
  });
});
