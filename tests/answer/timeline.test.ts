import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import {
  articleAnchors,
  orderTimeline,
  placeByAnchors,
  sameEvent,
  sentenceEvents,
  type DatedEvent,
  type TimelineSentence,
} from '../../src/answer/timeline.js';
import { renderTimelineText } from '../../src/answer/timelineRender.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { formatResolvedDate, isoResolvedDate } from '../../src/language/dateResolution.js';
import { timelineEngine } from '../support/timelineCorpus.js';

/** Every term weighs the same: the tests of the method do not depend on a corpus's rarities. */
const flat = () => 1;

let nextRef = 0;
function sentence(articleId: string, position: number, text: string): TimelineSentence {
  return { ref: nextRef++, text, articleId, position };
}

function eventsOf(articleId: string, published: string | null, texts: string[]): DatedEvent[] {
  return texts.flatMap((text, i) => sentenceEvents(sentence(articleId, i + 1, text), published));
}

const labels = (events: readonly DatedEvent[]) => events.map((e) => `${e.wording}=${e.date === null ? '?' : isoResolvedDate(e.date)}`);

describe('the dated events of sentences', () => {
  it('dates each time expression of a sentence against its article’s date', () => {
    const events = eventsOf('a', '2026-01-04', ['A summit is planned for Monday, followed by trade talks on Tuesday.']);
    expect(labels(events)).toEqual(['Monday=2026-01-05', 'Tuesday=2026-01-06']);
    expect(events[0]!.nouns).toContain('summit');
    expect(events[1]!.nouns).toContain('talk');
  });

  it('places an undated article’s relative event by the nearest absolute date of the same article, keeping its wording', () => {
    const texts = [
      'The terminal opened on 14 May 2025.',
      'Work on the quay began in 2019.',
      'Nothing else happened.',
      'Its first ship docked on Sunday.',
    ];
    const sentences = texts.map((text, i) => sentence('notes', i + 1, text));
    const events = sentences.flatMap((s) => sentenceEvents(s, null));
    const sunday = events.find((e) => e.wording === 'Sunday')!;
    expect(sunday.date).toBeNull();
    const placed = placeByAnchors(events, articleAnchors(sentences));
    const placedSunday = placed.find((e) => e.wording === 'Sunday')!;
    // Sentence 2 ("2019") is nearer to sentence 4 than sentence 1 is.
    expect(placedSunday.placedBy).toMatchObject({ position: 2 });
    expect(formatResolvedDate(placedSunday.placedBy!.date)).toBe('2019');
    expect(placedSunday.wording).toBe('Sunday');
    expect(placedSunday.date).toBeNull();
  });

  it('lists an event apart as undated when its article has neither a date nor an absolute date', () => {
    const events = eventsOf('undated', null, ['Crews repaired the breakwater on Tuesday.']);
    const ordered = orderTimeline(placeByAnchors(events, []), flat);
    expect(ordered.entries).toEqual([]);
    expect(ordered.undated.map((e) => e.wording)).toEqual(['Tuesday']);
  });
});

describe('ordering events and the events articles date differently', () => {
  it('orders by calendar, a month before the days inside it, whatever the corpus order', () => {
    const events = [
      ...eventsOf('late', '2026-01-04', [
        'The ministers will meet on Tuesday.',
        'He told reporters last month that talks were going well.',
      ]),
      ...eventsOf('early', '2025-12-30', ['The office said on Tuesday that the trip was confirmed.', 'The two leaders met in November.']),
    ];
    const ordered = orderTimeline(events, flat);
    expect(ordered.entries.map((entry) => entry.events.map((e) => formatResolvedDate(e.date!)))).toEqual([
      ['November 2025'],
      ['December 2025'],
      ['30 December 2025'],
      ['6 January 2026'],
    ]);
  });

  it('shows one meeting dated on different days by two articles as one entry of both versions, marked as differing', () => {
    const [a] = eventsOf('a', '2026-03-02', [
      'The foreign ministers of Norway and Chile will meet in Geneva on Thursday to sign a fisheries accord.',
    ]);
    const [b] = eventsOf('b', '2026-03-03', [
      'The Norwegian and Chilean foreign ministers will meet in Geneva on Friday to sign the fisheries accord, a spokesperson said.',
    ]);
    expect(sameEvent(a!, b!, flat)).toBe(true);
    const ordered = orderTimeline([b!, a!], flat);
    expect(ordered.entries).toHaveLength(1);
    expect(ordered.entries[0]!.differing).toBe(true);
    expect(ordered.entries[0]!.events.map((e) => `${e.articleId} ${formatResolvedDate(e.date!)}`)).toEqual([
      'a 5 March 2026',
      'b 6 March 2026',
    ]);
  });

  it('does not mark as differing two datings that can both be true, nor different events sharing a noun', () => {
    const [range] = eventsOf('a', '2025-12-30', ['The leader will take part in a summit with Xi in Beijing from January 4 to 7.']);
    const [day] = eventsOf('b', '2026-01-04', ['The leader will take part in a summit with Xi in Beijing on Monday.']);
    expect(sameEvent(range!, day!, flat)).toBe(true);
    expect(orderTimeline([range!, day!], flat).entries.every((entry) => !entry.differing)).toBe(true);

    const [november] = eventsOf('c', '2026-01-04', ['Lee and Xi recently met in November during the APEC Summit in the city of Gyeongju.']);
    const [monday] = eventsOf('d', '2026-01-04', ['A summit with Xi is planned for Monday.']);
    expect(sameEvent(november!, monday!, flat)).toBe(false);
    expect(orderTimeline([november!, monday!], flat).entries.map((entry) => entry.differing)).toEqual([false, false]);
  });

  it('does not take a meeting of other people, or the same words a year apart, for the same event', () => {
    const [choi] = eventsOf('a', '2026-03-02', ['Choi met Walsh in Doha on Friday to discuss fishing quotas.']);
    const [heo] = eventsOf('b', '2026-03-03', ['Heo met Larsen in Oslo on Monday to discuss fishing quotas.']);
    expect(sameEvent(choi!, heo!, flat)).toBe(false);
    const [fair2025] = eventsOf('c', '2025-03-02', ['The Arctic trade fair will open in Tromsø on Thursday.']);
    const [fair2026] = eventsOf('d', '2026-03-02', ['The Arctic trade fair will open in Tromsø on Thursday.']);
    expect(sameEvent(fair2025!, fair2026!, flat)).toBe(true);
    // A year apart: another year's fair, not a disagreement.
    expect(orderTimeline([fair2025!, fair2026!], flat).entries.map((entry) => entry.differing)).toEqual([false, false]);
  });

  it('never compares the events of one article with each other', () => {
    const events = eventsOf('same', '2026-03-02', [
      'The ministers will meet in Geneva on Thursday to sign the accord.',
      'The ministers will meet in Geneva on Friday to sign the accord.',
    ]);
    expect(orderTimeline(events, flat).entries.map((entry) => entry.differing)).toEqual([false, false]);
  });
});

describe('the engine’s timeline', () => {
  it('covers the whole corpus in calendar order: the differing datings together, placed and undated events', async () => {
    const engine = timelineEngine();
    const timeline = await engine.timeline(null);
    expect(timeline.status).toBe('answered');
    const starts = timeline.entries.map((entry) => entry.events[0]!).map((e) => e.date ?? e.placedBy!.date);
    for (let i = 1; i < starts.length; i++) expect(isoResolvedDate(starts[i - 1]!) <= isoResolvedDate(starts[i]!)).toBe(true);
    const differing = timeline.entries.filter((entry) => entry.differing);
    expect(differing).toHaveLength(1);
    expect(new Set(differing[0]!.events.map((e) => e.excerpt.citations[0]!.articleId)).size).toBe(2);
    const placed = timeline.entries.flatMap((entry) => entry.events).find((e) => e.placedBy !== null);
    expect(placed?.wording).toBe('Sunday');
    expect(timeline.undated.map((e) => e.excerpt.citations[0]!.articleId)).toEqual(['breakwater']);
    // Each event quotes its sentence verbatim with the time expression highlighted.
    for (const event of timeline.entries.flatMap((entry) => entry.events)) {
      const { text, highlight } = event.excerpt;
      expect(text.slice(highlight!.start, highlight!.end)).toBe(event.wording);
    }
  });

  it('dates the whole corpus once per engine, on first use; a new engine has its own', async () => {
    const engine = timelineEngine();
    expect(engine.timelineReady('anything')).toBe(true);
    expect(engine.timelineReady(null)).toBe(false);
    await engine.timeline('fisheries accord');
    // A topic's timeline dates only the sentences about it.
    expect(engine.timelineReady(null)).toBe(false);
    const first = await engine.timeline(null);
    expect(engine.timelineReady(null)).toBe(true);
    expect(await engine.timeline(null)).toEqual(first);
    expect(timelineEngine().timelineReady(null)).toBe(false);
  });

  it('quotes at most the events asked for, whole entries first, and counts them all', async () => {
    const engine = timelineEngine();
    const all = await engine.timeline(null);
    const few = await engine.timeline(null, { maxEvents: 2 });
    const quoted = few.entries.reduce((sum, entry) => sum + entry.events.length, 0) + few.undated.length;
    expect(quoted).toBeLessThanOrEqual(2);
    expect(quoted).toBeGreaterThan(0);
    expect(few.entries).toEqual(all.entries.slice(0, few.entries.length));
    expect([few.datedCount, few.undatedCount]).toEqual([all.datedCount, all.undatedCount]);
    expect(all.datedCount).toBe(all.entries.reduce((sum, entry) => sum + entry.events.length, 0));
  });

  it('for a topic, keeps the events of the sentences about it', async () => {
    const timeline = await timelineEngine().timeline('fisheries accord');
    expect(timeline.status).toBe('answered');
    const texts = timeline.entries.flatMap((entry) => entry.events.map((e) => e.excerpt.text));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/accord/i);
    expect(texts.some((text) => /breakwater|ferry/.test(text))).toBe(false);
  });

  it('says plainly when a topic is unknown or has nothing dated', async () => {
    const engine = timelineEngine();
    const unknown = await engine.timeline('Elon Musk');
    expect(unknown.status).toBe('not-found');
    expect(renderTimelineText(unknown)).toContain('I found nothing about “Elon Musk”');
    const undated = await AnswerEngine.fromArticles([
      parseArticle({ id: 'x', file: 'x.txt', content: 'The port authority praised the crews for their work on the breakwater.\n' }),
    ]).timeline('breakwater');
    expect(undated.status).toBe('no-dates');
    expect(renderTimelineText(undated)).toContain('Nothing dated about “breakwater”');
    expect((await AnswerEngine.fromArticles([]).timeline(null)).status).toBe('no-dates');
  });
});
