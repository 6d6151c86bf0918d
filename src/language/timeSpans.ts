import { readDates, type DateReading } from './readDates.js';
import { dedupeSpans, makeSpan, type Span } from './spans.js';

/**
 * Time expressions of a sentence: what /when answers point at. chrono-node finds dates, weekdays,
 * months and relative dates ("last month"); a few patterns add what news text says about time that
 * chrono leaves out ("Hours before Lee’s departure", "since 2019", "four-day", "recently").
 */

const STRENGTH = { date: 1, range: 1, weekday: 0.9, relative: 0.85, duration: 0.75, vague: 0.35 } as const;
export type TimeLabel = keyof typeof STRENGTH;

const UNIT = '(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)';
const NUMBER_WORD =
  '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|few|many|some)';

/** "for at least 14 days", "within about two hours": how sure the length is, part of it. */
const ABOUT = '(?:(?:at\\s+least|at\\s+most|up\\s+to|more\\s+than|less\\s+than|nearly|almost|about|around|roughly|over|under)\\s+)?';

/** Patterns chrono does not cover, each with the label of what it finds. */
const PATTERNS: ReadonlyArray<readonly [RegExp, TimeLabel]> = [
  // "Hours before Lee’s departure", "days after the summit": up to the next comma or clause end.
  [
    new RegExp(
      `\\b(?:(?:${NUMBER_WORD})\\s+)?${UNIT}\\s+(?:before|after|ahead of|earlier|later)\\b(?:\\s+[^,;.“”"]{1,40}?(?=[,;.“”"]|$))?`,
      'giu',
    ),
    'relative',
  ],
  [/\b(?:since|until|by|before|after|in)\s+(?:early\s+|late\s+|mid-?)?(?:1[89]|20)\d{2}\b/giu, 'date'],
  [/\b(?:(?:1[89]|20)\d{2})\b/gu, 'date'],
  [new RegExp(`\\b${NUMBER_WORD}-${UNIT.replace(/s\?/g, '')}\\b`, 'giu'), 'duration'],
  [new RegExp(`\\b(?:for|over|in|within)\\s+(?:the\\s+(?:past|last|next)\\s+)?${ABOUT}${NUMBER_WORD}\\s+${UNIT}\\b`, 'giu'), 'duration'],
  [/\b(?:for|over)\s+(?:decades|years|months|weeks|days|hours)\b/giu, 'duration'],
  [/\b(?:this|last|next|earlier this|later this)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b/giu, 'relative'],
  [/\b(?:in the new year|at the start of the year|at the end of the year|early next year)\b/giu, 'vague'],
  [/\b(?:recent|recently|later|earlier|soon|previously|shortly|currently|now|today|tonight|yesterday|tomorrow)\b/giu, 'vague'],
];

/** Words without which chrono finds nothing: digits, months, weekdays, relative day and period words. */
const MAY_HOLD_A_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|now|noon|midnight|morning|evening|afternoon|night|week|month|year|day|hour|minute|ago|later|last|next|past|this|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|few|several|a couple)/i;

const DURATION_TEXT = new RegExp(`^(?:for|over|in|within)\\s+(?:the\\s+(?:past|last|next)\\s+)?${ABOUT}${NUMBER_WORD}\\s+${UNIT}$`, 'iu');

function labelChrono(result: DateReading): TimeLabel {
  const text = result.text.trim().replace(/[,.]$/, '');
  if (DURATION_TEXT.test(text)) return 'duration';
  if (/^(?:this|last|next|past)\b|\b(?:ago|later|earlier)$/i.test(text)) return 'relative';
  // A span of days ("January 4 to 7", "Sunday to Tuesday") says how long as well as when.
  if (result.end !== null && result.end !== undefined) return 'range';
  // A calendar date ("March 4") is more precise than a weekday ("Sunday") or a month.
  const known = result.start;
  if (known.isCertain('day') || known.isCertain('year')) return 'date';
  if (known.isCertain('weekday') || known.isCertain('month')) return 'weekday';
  return 'relative';
}

/** "2 p.m. local time", "09:00 GMT": the clock the time is told by is part of it. */
const TIME_ZONE = /^\s+(?:local\s+time|GMT|UTC|CET|EST|EDT|PST|BST)\b/u;

function withTimeZone(text: string, end: number): number {
  if (!/(?:[ap]\.?m\.?|\d:\d\d)$/iu.test(text.slice(Math.max(0, end - 8), end))) return end;
  const zone = TIME_ZONE.exec(text.slice(end, end + 16));
  return zone === null ? end : end + zone[0].length;
}

/** Leading "on"/"at" is not part of the answer: "on Tuesday" → "Tuesday". */
function withoutLeadingPreposition(text: string, start: number, end: number): number {
  const match = /^(?:on|at)\s+/i.exec(text.slice(start, end));
  return match === null ? start : start + match[0].length;
}

/**
 * The time expressions in a sentence, strongest kept where they overlap.
 * `reference` anchors relative expressions (the article's date when known).
 */
export function findTimeSpans(text: string, reference: Date = new Date(0)): Span[] {
  const spans: Span[] = [];
  // chrono takes about a millisecond a sentence: ask it only where a date could be.
  const results = MAY_HOLD_A_DATE.test(text) ? readDates(text, reference) : [];
  for (const result of results) {
    const label = labelChrono(result);
    const start = withoutLeadingPreposition(text, result.index, result.index + result.text.length);
    const end = withTimeZone(text, result.index + result.text.length);
    const span = makeSpan(text, start, end, STRENGTH[label], label);
    if (span !== null) spans.push(span);
  }
  for (const [pattern, label] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const span = makeSpan(text, match.index, match.index + match[0].length, STRENGTH[label], label);
      if (span !== null) spans.push(span);
    }
  }
  return dedupeSpans(spans);
}
