import { describe, expect, it } from 'vitest';
import {
  compareResolvedDates,
  findDateMentions,
  formatResolvedDate,
  isoResolvedDate,
  parseIsoDay,
  weekdayAround,
  type ResolvedDate,
} from '../../src/language/dateResolution.js';

/** The dates of a sentence as "wording → ISO date" (null when unresolved). */
function dates(text: string, published: string | null): Array<[string, string | null]> {
  return findDateMentions(text, published).map((m) => [m.wording, m.date === null ? null : isoResolvedDate(m.date)]);
}

const day = (year: number, month: number, d: number) => ({ year, month, day: d });
const onDay = (year: number, month: number, d: number): ResolvedDate => ({ granularity: 'day', start: day(year, month, d), end: null });
const inMonth = (year: number, month: number): ResolvedDate => ({ granularity: 'month', start: day(year, month, 1), end: null });

describe('resolving time expressions against the article’s date', () => {
  // 2026-01-03 is a Saturday.
  it('counts relative days from the publication date', () => {
    expect(dates('The talks ended yesterday.', '2026-01-03')).toEqual([['yesterday', '2026-01-02']]);
    expect(dates('The ministers will meet tomorrow.', '2026-01-03')).toEqual([['tomorrow', '2026-01-04']]);
    expect(dates('The ferry sank three days ago.', '2026-01-03')).toEqual([['three days ago', '2025-12-31']]);
  });

  it('reads a bare weekday as the nearest such day around publication, in the direction of the tense', () => {
    expect(dates('He heads to China on Sunday.', '2026-01-03')).toEqual([['Sunday', '2026-01-04']]);
    // Past tense: the Wednesday before, not the next one.
    expect(dates('The ministry confirmed the trip on Wednesday.', '2026-01-03')).toEqual([['Wednesday', '2025-12-31']]);
    // Future tense: the coming Wednesday, though the last one is nearer.
    expect(dates('The president will arrive on Wednesday.', '2026-01-03')).toEqual([['Wednesday', '2026-01-07']]);
    // No tense to go by: the nearest one (Thursday is 2 days back, 5 ahead).
    expect(dates('In a Thursday interview with a broadcaster, the talks came up.', '2026-01-03')).toEqual([['Thursday', '2026-01-01']]);
    // The publication day itself, whatever the tense.
    expect(dates('The office said on Saturday that the visit is on.', '2026-01-03')[0]).toEqual(['Saturday', '2026-01-03']);
  });

  it('never puts a weekday more than a week from publication', () => {
    const reference = day(2026, 1, 3);
    for (let weekday = 0; weekday < 7; weekday++) {
      for (const tense of ['past', 'future', null] as const) {
        const found = weekdayAround(reference, weekday, tense);
        const distance = (Date.UTC(found.year, found.month - 1, found.day) - Date.UTC(2026, 0, 3)) / 86_400_000;
        expect(new Date(Date.UTC(found.year, found.month - 1, found.day)).getUTCDay()).toBe(weekday);
        expect(Math.abs(distance)).toBeLessThanOrEqual(tense === null ? 3 : 6);
        if (tense === 'past') expect(distance).toBeLessThanOrEqual(0);
        if (tense === 'future') expect(distance).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('keeps "last month" and a month name as months, across the turn of the year', () => {
    const [lastMonth] = findDateMentions('He told journalists last month that he would not take sides.', '2026-01-03');
    expect(lastMonth?.date).toEqual(inMonth(2025, 12));
    expect(formatResolvedDate(lastMonth!.date!)).toBe('December 2025');
    expect(dates('The two leaders met in November.', '2026-01-03')).toEqual([['November', '2025-11']]);
    // A month named in the future tense is the coming one.
    expect(dates('The leaders will meet again in November.', '2026-01-03')).toEqual([['November', '2026-11']]);
  });

  it('resolves a range of days and of weekdays, the end after the start', () => {
    expect(dates('He will visit China from January 4 to 7.', '2025-12-30')).toEqual([['January 4 to 7', '2026-01-04/2026-01-07']]);
    expect(dates('The summit runs from Sunday to Tuesday, his office said.', '2026-01-01')).toEqual([
      ['Sunday to Tuesday', '2026-01-04/2026-01-06'],
    ]);
  });

  it('gives an absolute date without a publication date, and leaves relative ones unresolved with their wording', () => {
    const [absolute] = findDateMentions('The accord was signed on March 4, 2025 in Oslo.', null);
    expect(absolute).toMatchObject({ wording: 'March 4, 2025', absolute: true, date: onDay(2025, 3, 4) });
    const [relative] = findDateMentions('The minister arrives on Sunday.', null);
    expect(relative).toMatchObject({ wording: 'Sunday', absolute: false, date: null });
    expect(dates('Talks resumed in 2019 after a pause.', null)).toEqual([['2019', '2019']]);
  });

  it('finds no date in durations, bounds or clock times', () => {
    expect(dates('It is the first visit in six years.', '2026-01-03')).toEqual([]);
    expect(dates('It is the first visit since 2019.', '2026-01-03')).toEqual([]);
    expect(dates('The talks lasted for two days and ended now.', '2026-01-03')).toEqual([]);
    expect(dates('Shares rose 20 percent.', '2026-01-03')).toEqual([]);
  });

  it('refuses a publication date that is not a calendar day', () => {
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('January 2026')).toBeNull();
    expect(parseIsoDay('2026-02-28')).toEqual(day(2026, 2, 28));
  });
});

describe('comparing and showing resolved dates', () => {
  it('sorts a month as a month: after the months before it, before the days inside it', () => {
    const dated: ResolvedDate[] = [
      onDay(2026, 1, 1),
      inMonth(2025, 12),
      onDay(2025, 12, 30),
      onDay(2025, 12, 1),
      inMonth(2025, 11),
      { granularity: 'year', start: day(2025, 1, 1), end: null },
    ];
    expect(dated.sort(compareResolvedDates).map(formatResolvedDate)).toEqual([
      '2025',
      'November 2025',
      'December 2025',
      '1 December 2025',
      '30 December 2025',
      '1 January 2026',
    ]);
  });

  it('puts a longer range before a shorter one starting the same day', () => {
    const range: ResolvedDate = { granularity: 'day', start: day(2026, 1, 4), end: day(2026, 1, 7) };
    expect([onDay(2026, 1, 4), range].sort(compareResolvedDates)).toEqual([range, onDay(2026, 1, 4)]);
  });

  it('formats each granularity', () => {
    expect(formatResolvedDate({ granularity: 'day', start: day(2025, 12, 30), end: day(2026, 1, 2) })).toBe(
      '30 December 2025 – 2 January 2026',
    );
    expect(formatResolvedDate({ granularity: 'day', start: day(2026, 1, 30), end: day(2026, 2, 2) })).toBe('30 January – 2 February 2026');
    expect(formatResolvedDate({ granularity: 'week', start: day(2025, 12, 29), end: null })).toBe('week of 29 December 2025');
    expect(isoResolvedDate({ granularity: 'week', start: day(2025, 12, 29), end: null })).toBe('2025-12-29/2026-01-04');
  });
});
