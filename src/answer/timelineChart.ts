import { dayNumbers, type Day, type ResolvedDate } from '../language/dateResolution.js';
import { displayText } from './displayText.js';
import { timelineTitle } from './timelineRender.js';
import type { Timeline, TimelineEvent } from './types.js';

/**
 * A timeline as drawing data: one row per event in calendar order, each placed on a time axis (a
 * point for a day, a bar for a range of days, a pale bar for a week, month or year), the versions
 * of one event that articles date differently marked as one group, short labels, and the ticks of
 * the axis. Pure: no image library, nothing of Discord; whatever draws it maps the axis's 0–1 to
 * pixels. Bounded: at most `maxEvents` rows (whole entries), the rest only counted in the note.
 */

/** How an event sits on the axis: one day, a range of days the text gives ("January 4 to 7"), or a whole week, month or year. */
export type ChartMarkKind = 'day' | 'range' | 'period';

export interface ChartRow {
  /** The date, short: "4 Jan 2026", "4–7 Jan 2026", "Dec 2025"; for an event placed by its article's date, "Sunday (≈ 14 May 2025)". */
  dateLabel: string;
  /** A few words of the sentence (not the date), cut short. */
  text: string;
  kind: ChartMarkKind;
  /** Where the event starts and ends on the axis, from 0 (the axis's first day) to 1 (the end of its last day). */
  from: number;
  to: number;
  /** The first and last day it covers (days since 1970-01-01). */
  firstDay: number;
  lastDay: number;
  /** Dated by another date of its undated article, not by its own: where it is is approximate. */
  placed: boolean;
  /** The versions of one event that articles date differently share a group number (0, 1, …); null for an event dated one way. */
  differingGroup: number | null;
}

export interface ChartTick {
  /** Position on the axis (0–1): the start of the tick's day. */
  at: number;
  label: string;
}

export interface TimelineChart {
  title: string;
  rows: ChartRow[];
  ticks: ChartTick[];
  /** The first and last day of the axis (days since 1970-01-01), both included. */
  axis: { firstDay: number; lastDay: number };
  /** Which kinds of marks the rows use (for a legend), and whether any is placed or differing. */
  uses: { kinds: ChartMarkKind[]; placed: boolean; differing: boolean };
  /** Events of the timeline not drawn: dated ones past the cap (or not quoted), and the undated, which have no place on an axis. */
  notShown: { dated: number; undated: number };
  /** What the picture leaves out, in words; null when it shows every event. */
  note: string | null;
}

/** The most events a picture shows: as many as the reply's embed can quote (25 fields). */
export const CHART_MAX_EVENTS = 25;
/** A row's words are cut to this many characters (the date label aside). */
export const CHART_TEXT_CHARS = 48;
/** A date label is cut to this many characters. */
export const CHART_DATE_CHARS = 28;
/** At most this many ticks on the axis. */
const MAX_TICKS = 10;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

function dayOf(dayNumber: number): Day {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function dayNumber(day: Day): number {
  return Date.UTC(day.year, day.month - 1, day.day) / DAY_MS;
}

/** "4 Jan 2026", "4–7 Jan 2026", "30 Dec 2025 – 2 Jan 2026", "Dec 2025", "wk 29 Dec 2025", "2019". */
export function shortDate(date: ResolvedDate): string {
  const { start, end } = date;
  const month = (d: Day) => `${MONTHS[d.month - 1]} ${d.year}`;
  const day = (d: Day) => `${d.day} ${month(d)}`;
  switch (date.granularity) {
    case 'year':
      return end === null || end.year === start.year ? String(start.year) : `${start.year}–${end.year}`;
    case 'month':
      return end === null || (end.year === start.year && end.month === start.month) ? month(start) : `${month(start)} – ${month(end)}`;
    case 'week':
      return end === null ? `wk ${day(start)}` : `wks ${day(start)} – ${day(end)}`;
    case 'day':
      if (end === null) return day(start);
      if (end.year === start.year && end.month === start.month) return `${start.day}–${day(end)}`;
      if (end.year === start.year) return `${start.day} ${MONTHS[start.month - 1]} – ${day(end)}`;
      return `${day(start)} – ${day(end)}`;
  }
}

/** Text cut to `max` characters at a word boundary where there is one near, with an ellipsis. */
export function cutShort(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A few words of the event's sentence: from its start, or from after the date when the sentence
 * opens with it ("On Sunday, the ship docked" → "the ship docked").
 */
function eventText(event: TimelineEvent): string {
  const { text, highlight } = event.excerpt;
  let from = 0;
  if (highlight !== null && text.slice(0, highlight.start).trim().split(/\s+/).filter(Boolean).length <= 1) {
    from = highlight.end;
    while (from < text.length && /[\s,;:.–—-]/.test(text[from]!)) from++;
    if (from >= text.length) from = 0;
  }
  return cutShort(displayText(text.slice(from)), CHART_TEXT_CHARS);
}

/** The date an event is drawn at: its own, else the one of its article that places it; null for neither. */
function drawnDate(event: TimelineEvent): { date: ResolvedDate; placed: boolean } | null {
  if (event.date !== null) return { date: event.date, placed: false };
  if (event.placedBy !== null) return { date: event.placedBy.date, placed: true };
  return null;
}

function markKind(date: ResolvedDate): ChartMarkKind {
  if (date.granularity !== 'day') return 'period';
  return date.end === null ? 'day' : 'range';
}

function dateLabel(event: TimelineEvent, date: ResolvedDate, placed: boolean): string {
  const label = placed ? `${displayText(event.wording)} (≈ ${shortDate(date)})` : shortDate(date);
  return cutShort(label, CHART_DATE_CHARS);
}

/** Tick steps tried in turn, coarsest last: days, months and years. */
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6];
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * Ticks for an axis from `first` to `last` (day numbers, both included): every few days while at
 * most MAX_TICKS fit, else the first of every few months, else every few years. A label names the
 * year where it changes (and at the first tick).
 */
export function axisTicks(first: number, last: number): ChartTick[] {
  const span = last + 1 - first;
  const at = (day: number) => (day - first) / span;
  const count = (step: number) => Math.floor((span - 1) / step) + 1;
  const dayStep = DAY_STEPS.find((step) => count(step) <= MAX_TICKS);
  if (dayStep !== undefined) {
    const ticks: ChartTick[] = [];
    let year: number | null = null;
    for (let day = first; day <= last; day += dayStep) {
      const d = dayOf(day);
      ticks.push({ at: at(day), label: year === d.year ? `${d.day} ${MONTHS[d.month - 1]}` : `${d.day} ${MONTHS[d.month - 1]} ${d.year}` });
      year = d.year;
    }
    return ticks;
  }
  const start = dayOf(first);
  const end = dayOf(last);
  const months = (end.year - start.year) * 12 + end.month - start.month + 1;
  const monthStep = MONTH_STEPS.find((step) => Math.ceil(months / step) <= MAX_TICKS);
  if (monthStep !== undefined) {
    const ticks: ChartTick[] = [];
    let year: number | null = null;
    // The first of each month inside the axis, every `monthStep` months (counted from January, so the ticks fall on the same months each year).
    for (let m = start.year * 12 + start.month - 1; m <= end.year * 12 + end.month - 1; m++) {
      const day = { year: Math.floor(m / 12), month: (m % 12) + 1, day: 1 };
      if ((day.month - 1) % monthStep !== 0 || dayNumber(day) < first) continue;
      ticks.push({ at: at(dayNumber(day)), label: year === day.year ? MONTHS[day.month - 1]! : `${MONTHS[day.month - 1]} ${day.year}` });
      year = day.year;
    }
    return ticks;
  }
  const years = end.year - start.year + 1;
  const yearStep = YEAR_STEPS.find((step) => Math.ceil(years / step) <= MAX_TICKS) ?? Math.ceil(years / MAX_TICKS);
  const ticks: ChartTick[] = [];
  for (let y = Math.ceil(start.year / yearStep) * yearStep; y <= end.year; y += yearStep) {
    const day = dayNumber({ year: y, month: 1, day: 1 });
    if (day >= first) ticks.push({ at: at(day), label: String(y) });
  }
  return ticks;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function noteOf(notShown: TimelineChart['notShown']): string | null {
  const parts: string[] = [];
  if (notShown.dated > 0) parts.push(`${plural(notShown.dated, 'more dated event')} not shown`);
  if (notShown.undated > 0) parts.push(`${plural(notShown.undated, 'undated event')} (no place on the axis)`);
  return parts.length === 0 ? null : parts.join(' · ');
}

/**
 * The drawing data of a timeline: its entries in calendar order, while at most `maxEvents` events
 * fit (never part of an entry: the datings that differ stay together); an entry's versions that
 * articles date differently get one group number.
 */
export function timelineChart(timeline: Timeline, options: { maxEvents?: number } = {}): TimelineChart {
  const maxEvents = Math.max(0, Math.min(options.maxEvents ?? CHART_MAX_EVENTS, CHART_MAX_EVENTS));
  const placedRows: Array<Omit<ChartRow, 'from' | 'to'>> = [];
  let groups = 0;
  for (const entry of timeline.entries) {
    const drawn = entry.events.flatMap((event) => {
      const at = drawnDate(event);
      return at === null ? [] : [{ event, ...at }];
    });
    if (placedRows.length + drawn.length > maxEvents) break;
    const group = entry.differing && drawn.length > 1 ? groups++ : null;
    for (const { event, date, placed } of drawn) {
      const { first, last } = dayNumbers(date);
      placedRows.push({
        dateLabel: dateLabel(event, date, placed),
        text: eventText(event),
        kind: markKind(date),
        firstDay: first,
        lastDay: last,
        placed,
        differingGroup: group,
      });
    }
  }
  const firstDay = placedRows.length === 0 ? 0 : Math.min(...placedRows.map((row) => row.firstDay));
  const lastDay = placedRows.length === 0 ? 0 : Math.max(...placedRows.map((row) => row.lastDay));
  const span = lastDay + 1 - firstDay;
  const rows: ChartRow[] = placedRows.map((row) => ({
    ...row,
    from: (row.firstDay - firstDay) / span,
    to: (row.lastDay + 1 - firstDay) / span,
  }));
  const notShown = { dated: Math.max(0, timeline.datedCount - rows.length), undated: timeline.undatedCount };
  const kinds = (['day', 'range', 'period'] as const).filter((kind) => rows.some((row) => row.kind === kind));
  return {
    title: cutShort(displayText(timelineTitle(timeline)), 90),
    rows,
    ticks: rows.length === 0 ? [] : axisTicks(firstDay, lastDay),
    axis: { firstDay, lastDay },
    uses: { kinds, placed: rows.some((row) => row.placed), differing: groups > 0 },
    notShown,
    note: noteOf(notShown),
  };
}

function dayText(dayNumber: number): string {
  const d = dayOf(dayNumber);
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** What the picture shows, in one sentence (its alt text): how many events, over which days, and what is marked or left out. */
export function chartSummary(chart: TimelineChart): string {
  if (chart.rows.length === 0) return `${chart.title}: no event to place on a time axis.`;
  const { firstDay, lastDay } = chart.axis;
  const span = firstDay === lastDay ? `on ${dayText(firstDay)}` : `from ${dayText(firstDay)} to ${dayText(lastDay)}`;
  const parts = [`${chart.title}: ${plural(chart.rows.length, 'event')} on a time axis ${span}, in calendar order`];
  const groups = new Set(chart.rows.map((row) => row.differingGroup).filter((group) => group !== null)).size;
  if (groups > 0) parts.push(`${plural(groups, 'event')} dated differently by different articles (marked ≠)`);
  if (chart.note !== null) parts.push(chart.note);
  return `${parts.join('; ')}.`;
}
