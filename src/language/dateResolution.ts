import { readDates, type DateReading } from './readDates.js';
import { DATING_SAYING_VERBS, DATING_TENSE, MONTH_NAMES, wordsPattern, wordsRegExp } from './wordLists.js';

/**
 * Calendar dates of a sentence's time expressions: "on Sunday" in an article published on
 * 3 January 2026 is 4 January 2026, "last month" is December 2025. chrono-node reads the
 * expressions; this module decides what they mean in news text: a bare weekday is the nearest such
 * day around publication (in the direction the verb's tense points), a month stays a month, a
 * duration ("in six years", "for two days") is no date. Pure functions: no clock is read.
 */

export type Granularity = 'day' | 'week' | 'month' | 'year';

/** A calendar day (month 1–12). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/**
 * A date as precise as the text says it: a day, a week (its Monday), a month or a year; `end` is
 * the last day, week, month or year of a range ("January 4 to 7"), else null.
 */
export interface ResolvedDate {
  granularity: Granularity;
  start: Day;
  end: Day | null;
}

/** A time expression of a sentence and the date it names, when it can be resolved. */
export interface DateMention {
  /** Offsets of the expression in the sentence, and its wording ("Sunday", "last month"). */
  start: number;
  end: number;
  wording: string;
  /** Null when the expression is relative (or lacks its year) and the article has no date. */
  date: ResolvedDate | null;
  /** The expression names its year itself ("4 January 2026", "in 2019"): it can place other events. */
  absolute: boolean;
}

export type Tense = 'past' | 'future' | null;

/**
 * Words without which there is no calendar date in a sentence: month and weekday names, relative
 * day words, "last/next/this week|month|year", "… ago", a year. Stricter than what /when looks for
 * (no bare numbers, no "later"), so that chrono is asked about few sentences of a large corpus.
 */
const MAY_NAME_A_DATE = new RegExp(
  [
    '\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b',
    '\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b',
    '\\b(?:today|tonight|yesterday|tomorrow)\\b',
    '\\b(?:last|next|this|past|coming)\\s+(?:week|month|year|weekend)\\b',
    '\\bago\\b',
    '\\b(?:1[89]|20)\\d{2}\\b',
  ].join('|'),
  'i',
);

/** "in six years", "for two days", "within a week": how long, not when. */
const DURATION =
  /^(?:in|within|for|over|during)\s+(?:the\s+(?:past|last|next)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|many)\s+(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;
/** chrono's clock readings alone ("now", "at 3pm") carry no date of their own. */
const NOT_A_DATE = /^(?:now|right now|at\s.*|noon|midnight|morning|evening|afternoon|night)$/i;
/** A weekday or month named with its own direction: chrono's reading is kept. */
const DIRECTED = /^(?:last|next|this|past|coming|previous|following)\b/i;
/** A year standing alone: "in 2019", "the 2018 summit"; not "since 2019" (a bound, not an event). */
const BARE_YEAR =
  /\b(?:(since|until|till|by|before|after|from|through)\s+)?(?:(?:in|of|early|late|mid-?)\s+)?((?:1[89]|20)\d{2})\b(?!\s*%|[-–]\d)/gi;

/** "since January 2010", "until Friday", "by March": the bound of a period, not the date of an event. */
const BOUND = /\b(?:since|until|till|by|before|after|through)\s+$/i;

const FUTURE = wordsRegExp(DATING_TENSE.future);
/** Verbs of saying: past in the clause that dates the saying, beside the point elsewhere in the sentence. */
const SPEECH = wordsPattern(DATING_SAYING_VERBS);
const PAST_EVENT = wordsPattern(DATING_TENSE.past);
const PAST_IN_CLAUSE = new RegExp(`\\b(?:${SPEECH}|${PAST_EVENT})\\b`, 'i');
const PAST_IN_SENTENCE = new RegExp(`\\b(?:${PAST_EVENT})\\b`, 'i');

/**
 * How far before an expression its clause and a bound ("since") are looked for, in characters:
 * more than a sentence of the corpus holds (see MAX_SENTENCE_CHARS), and for a longer text, each
 * expression's look back is bounded rather than running to the text's start.
 */
const LOOK_BACK_CHARS = 1000;

/** The tense of a whole sentence, where a verb of saying is not the event's tense. */
function sentenceTense(text: string): Tense {
  if (FUTURE.test(text)) return 'future';
  if (PAST_IN_SENTENCE.test(text)) return 'past';
  return null;
}

/**
 * The tense the words before an expression point to: its clause first ("the office said on
 * Tuesday"), then the whole sentence (`whole`, asked once per sentence), where a verb of saying
 * ("…, his office said") is not the event's tense.
 */
function tenseAround(text: string, offset: number, whole: () => Tense): Tense {
  const before = text.slice(Math.max(0, offset - LOOK_BACK_CHARS), offset);
  const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('—'));
  const clause = before.slice(clauseStart + 1);
  if (FUTURE.test(clause)) return 'future';
  if (PAST_IN_CLAUSE.test(clause)) return 'past';
  return whole();
}

/** The ISO date (YYYY-MM-DD) as a day, or null when it is not one. */
export function parseIsoDay(iso: string | null): Day | null {
  if (iso === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = toUtc(day);
  return check.getUTCMonth() + 1 === day.month && check.getUTCDate() === day.day ? day : null;
}

function toUtc(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
}

function fromUtc(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(day: Day, n: number): Day {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

function weekdayOf(day: Day): number {
  return toUtc(day).getUTCDay();
}

/**
 * The day with this weekday (0 = Sunday) around `reference`: the coming one for the future, the
 * latest one for the past (the reference day itself counts for both), else the nearest (±3 days).
 */
export function weekdayAround(reference: Day, weekday: number, tense: Tense): Day {
  const ahead = (weekday - weekdayOf(reference) + 7) % 7;
  const offset = tense === 'future' ? ahead : tense === 'past' ? (ahead === 0 ? 0 : ahead - 7) : ahead <= 3 ? ahead : ahead - 7;
  return addDays(reference, offset);
}

/** Months since year 0: to compare year-months. */
function monthNumber(year: number, month: number): number {
  return year * 12 + month - 1;
}

/**
 * The year of a month (and day) named without one: chrono takes the closest to the reference; a
 * clause in the future moves a past one a year on, a clause in the past a future one a year back.
 */
function yearAround(reference: Day, month: number, day: number | null, chronoYear: number, tense: Tense): number {
  const key = (year: number) => monthNumber(year, month) * 32 + (day ?? 0);
  const ref = monthNumber(reference.year, reference.month) * 32 + (day === null ? 0 : reference.day);
  if (tense === 'future' && key(chronoYear) < ref) return chronoYear + 1;
  if (tense === 'past' && key(chronoYear) > ref) return chronoYear - 1;
  return chronoYear;
}

function mondayOf(day: Day): Day {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

type Components = DateReading['start'];

/** Counted from the reference date: "last month", "this week", "three days ago", "tomorrow". */
function isRelative(components: Components, wording: string): boolean {
  return (
    components.tags().has('result/relativeDate') ||
    DIRECTED.test(wording) ||
    /\bago\b|^(?:today|tonight|yesterday|tomorrow)$/i.test(wording)
  );
}

/** One side (start or end) of a chrono result as a date, or null when it cannot be resolved. */
function resolveComponents(
  components: Components,
  resultText: string,
  reference: Day | null,
  tense: Tense,
  after: Day | null,
): { date: Day; granularity: Granularity } | null {
  const certain = (unit: 'year' | 'month' | 'day' | 'weekday') => components.isCertain(unit);
  const relative = isRelative(components, resultText);
  if (certain('day') && certain('month')) {
    const month = components.get('month')!;
    const day = components.get('day')!;
    if (certain('year') && !relative) return { date: { year: components.get('year')!, month, day }, granularity: 'day' };
    if (reference === null) return null;
    if (relative) {
      const granularity = /\bweeks?\b/i.test(resultText) ? 'week' : 'day';
      const date = { year: components.get('year')!, month, day };
      return { date: granularity === 'week' ? mondayOf(date) : date, granularity };
    }
    return { date: { year: yearAround(reference, month, day, components.get('year')!, tense), month, day }, granularity: 'day' };
  }
  if (certain('weekday') && !certain('month')) {
    if (reference === null) return null;
    const weekday = components.get('weekday')!;
    if (after !== null) return { date: weekdayAround(after, weekday, 'future'), granularity: 'day' };
    if (DIRECTED.test(resultText))
      return { date: { year: components.get('year')!, month: components.get('month')!, day: components.get('day')! }, granularity: 'day' };
    return { date: weekdayAround(reference, weekday, tense), granularity: 'day' };
  }
  if (certain('month')) {
    const month = components.get('month')!;
    if (certain('year') && !relative) return { date: { year: components.get('year')!, month, day: 1 }, granularity: 'month' };
    if (reference === null) return null;
    const year = relative ? components.get('year')! : yearAround(reference, month, null, components.get('year')!, tense);
    return { date: { year, month, day: 1 }, granularity: 'month' };
  }
  if (certain('year')) {
    if (relative && reference === null) return null;
    return { date: { year: components.get('year')!, month: 1, day: 1 }, granularity: 'year' };
  }
  return null;
}

/** "on Sunday" → "Sunday": the preposition is not part of the wording. */
function trimWording(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  const lead = /^(?:on|at|from|in|during)\s+/i.exec(text.slice(s, e));
  if (lead !== null) s += lead[0].length;
  while (e > s && /[\s,.;:!?"“”)]/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/**
 * The dated time expressions of a sentence, in the order they appear. `published` is the article's
 * date (YYYY-MM-DD: published, else inferred) that relative expressions count from; without it only
 * expressions naming their year get a date, the others keep their wording with `date` null.
 */
export function findDateMentions(text: string, published: string | null): DateMention[] {
  if (!MAY_NAME_A_DATE.test(text)) return [];
  const reference = parseIsoDay(published);
  const instant = toUtc(reference ?? { year: 2000, month: 1, day: 1 });
  const mentions: DateMention[] = [];
  // Where chrono found something, kept or not: a year inside it ("since August 2011") is not a date of its own.
  const read: Array<[number, number]> = [];
  let wholeTense: Tense | undefined;
  const whole = () => (wholeTense === undefined ? (wholeTense = sentenceTense(text)) : wholeTense);
  for (const result of readDates(text, { instant, timezone: 0 })) {
    read.push([result.index, result.index + result.text.length]);
    const { start, end } = trimWording(text, result.index, result.index + result.text.length);
    const wording = text.slice(start, end);
    if (
      wording.length === 0 ||
      DURATION.test(result.text.trim()) ||
      NOT_A_DATE.test(wording) ||
      BOUND.test(text.slice(Math.max(0, result.index - LOOK_BACK_CHARS), result.index))
    )
      continue;
    const tense = tenseAround(text, result.index, whole);
    const first = resolveComponents(result.start, wording, reference, tense, null);
    const absolute = result.start.isCertain('year') && !isRelative(result.start, wording);
    let date: ResolvedDate | null = null;
    if (first !== null) {
      const last =
        result.end == null
          ? null
          : resolveComponents(result.end, wording, reference, tense, first.granularity === 'day' ? first.date : null);
      const lastDate = last !== null && compareDays(last.date, first.date) > 0 ? last.date : null;
      date = { granularity: first.granularity, start: first.date, end: lastDate };
    }
    if (date === null && !/\d|[A-Z]/.test(wording)) continue;
    mentions.push({ start, end, wording, date, absolute });
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const yearStart = match.index + match[0].length - match[2]!.length;
    if (match[1] !== undefined || read.some(([from, to]) => from <= yearStart && yearStart < to)) continue;
    const year = Number(match[2]);
    mentions.push({
      start: yearStart,
      end: yearStart + 4,
      wording: match[2]!,
      date: { granularity: 'year', start: { year, month: 1, day: 1 }, end: null },
      absolute: true,
    });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The first and last day a date covers. */
function dayInterval(date: ResolvedDate): { first: Day; last: Day } {
  const last = date.end ?? date.start;
  switch (date.granularity) {
    case 'day':
      return { first: date.start, last };
    case 'week':
      return { first: date.start, last: addDays(last, 6) };
    case 'month':
      return {
        first: { ...date.start, day: 1 },
        last: addDays({ year: last.month === 12 ? last.year + 1 : last.year, month: (last.month % 12) + 1, day: 1 }, -1),
      };
    case 'year':
      return { first: { year: date.start.year, month: 1, day: 1 }, last: { year: last.year, month: 12, day: 31 } };
  }
}

/** The first and last day a date covers, as day numbers (days since 1970-01-01): for fast comparisons of many dates. */
export function dayNumbers(date: ResolvedDate): { first: number; last: number } {
  const { first, last } = dayInterval(date);
  return {
    first: Date.UTC(first.year, first.month - 1, first.day) / 86_400_000,
    last: Date.UTC(last.year, last.month - 1, last.day) / 86_400_000,
  };
}

const GRANULARITY_RANK: Readonly<Record<Granularity, number>> = { year: 0, month: 1, week: 2, day: 3 };

/**
 * The key of a date in calendar order, as numbers compared in turn: the first day it covers, then
 * the coarser first (a year before its January, a month before its first day), then the longer
 * first. So a month is sorted as a month, not as its first day: after the months before it and
 * before the days and weeks inside it.
 */
export function dateSortKey(date: ResolvedDate): [number, number, number] {
  const { first, last } = dayNumbers(date);
  return [first, GRANULARITY_RANK[date.granularity], -last];
}

/** Calendar order (see dateSortKey). */
export function compareResolvedDates(a: ResolvedDate, b: ResolvedDate): number {
  const [ka, kb] = [dateSortKey(a), dateSortKey(b)];
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
}

function dayText(day: Day, withYear: boolean, withMonth = true): string {
  const parts = [String(day.day)];
  if (withMonth) parts.push(MONTH_NAMES[day.month - 1]!);
  if (withYear) parts.push(String(day.year));
  return parts.join(' ');
}

/** "4 January 2026", "4–7 January 2026", "December 2025", "week of 29 December 2025", "2019". */
export function formatResolvedDate(date: ResolvedDate): string {
  const { start, end } = date;
  switch (date.granularity) {
    case 'year':
      return end === null || end.year === start.year ? String(start.year) : `${start.year}–${end.year}`;
    case 'month': {
      const one = (d: Day) => `${MONTH_NAMES[d.month - 1]} ${d.year}`;
      return end === null || monthNumber(end.year, end.month) === monthNumber(start.year, start.month)
        ? one(start)
        : `${one(start)} – ${one(end)}`;
    }
    case 'week':
      return end === null ? `week of ${dayText(start, true)}` : `weeks of ${dayText(start, true)} – ${dayText(end, true)}`;
    case 'day':
      if (end === null) return dayText(start, true);
      if (end.year !== start.year) return `${dayText(start, true)} – ${dayText(end, true)}`;
      if (end.month !== start.month) return `${dayText(start, false)} – ${dayText(end, true)}`;
      return `${start.day}–${dayText(end, true)}`;
  }
}

/** "2026-01-04", "2026-01-04/2026-01-07", "2025-12", "2019": the date in ISO 8601 at its own precision (a week as its days). */
export function isoResolvedDate(date: ResolvedDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (d: Day) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  switch (date.granularity) {
    case 'year':
      return date.end === null ? String(date.start.year) : `${date.start.year}/${date.end.year}`;
    case 'month': {
      const month = (d: Day) => `${d.year}-${pad(d.month)}`;
      return date.end === null ? month(date.start) : `${month(date.start)}/${month(date.end)}`;
    }
    case 'week': {
      const { first, last } = dayInterval(date);
      return `${iso(first)}/${iso(last)}`;
    }
    case 'day':
      return date.end === null ? iso(date.start) : `${iso(date.start)}/${iso(date.end)}`;
  }
}
