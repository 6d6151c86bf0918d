import { describe, expect, it } from 'vitest';
import { articleLabel } from '../../src/answer/articleLabel.js';
import type { Citation, Timeline, TimelineEvent } from '../../src/answer/types.js';
import { embedLength } from '../../src/discord/embedFit.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { renderTimelineMessage, sentenceAroundDate } from '../../src/discord/timelineMessage.js';

function citation(n: number): Citation {
  const meta = {
    title: `A rather long headline about the harbour, number ${n} of a series`,
    source: 'Harbour Post',
    url: `https://example.org/${n}`,
    published: null,
    publishedInferred: null,
  };
  return {
    articleId: `article-${n}`,
    title: meta.title,
    source: meta.source,
    url: meta.url,
    position: n,
    label: articleLabel({ meta, headline: null }, null),
  };
}

/** An event on day `n` of March 2026 in a long sentence, the date at its end. */
function event(n: number, filler = 30): TimelineEvent {
  const wording = `March ${n}`;
  const text = `${'The delegation reviewed the harbour plans in detail '.repeat(filler / 10)}before the signing on ${wording}.`;
  const start = text.indexOf(wording);
  return {
    date: { granularity: 'day', start: { year: 2026, month: 3, day: n }, end: null },
    placedBy: null,
    wording,
    excerpt: {
      text,
      context: null,
      citations: [citation(n)],
      highlight: { start, end: start + wording.length },
      score: 0,
    },
  };
}

function timelineOf(entries: Timeline['entries'], undated: TimelineEvent[] = [], notQuoted = 0): Timeline {
  const datedCount = entries.reduce((sum, entry) => sum + entry.events.length, 0) + notQuoted;
  return { topic: 'harbour', status: 'answered', entries, undated, datedCount, undatedCount: undated.length, articleCount: 40 };
}

describe('the /timeline message within Discord’s limits', () => {
  it('keeps calendar order, stops before the limits, and says how many events were left out', () => {
    const events = Array.from({ length: 28 }, (_, i) => event(i + 1));
    const message = renderTimelineMessage(timelineOf(events.map((e) => ({ events: [e], differing: false }))));
    const embed = message.embeds![0]!;
    const fields = embed.fields!;
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embed.total);
    expect(fields.length).toBeLessThan(events.length);
    expect(fields.map((f) => f.name)).toEqual(
      events.slice(0, fields.length).map((e) => `${e.wording.replace('March ', '')} March 2026 (“${e.wording}”)`),
    );
    expect(embed.footer?.text).toContain(`${events.length - fields.length} more events did not fit`);
    for (const field of fields) {
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.embed.fieldValue);
      // However long the sentence, its date stays visible, in bold.
      expect(field.value).toMatch(/\*\*March \d+\*\*/);
    }
    // The embed alone: each event's date, sentence and citation once.
    expect(message.content).toBeUndefined();
  });

  it('cites each event’s article by its label, once, with no file id', () => {
    const message = renderTimelineMessage(timelineOf([{ events: [event(3, 10)], differing: false }]));
    const shown = JSON.stringify(message);
    expect(shown.split('A rather long headline about the harbour, number 3').length - 1).toBe(1);
    expect(message.embeds![0]!.fields![0]!.value).toContain(
      '— A rather long headline about the harbour, number 3 of a series · Harbour Post · [link](https://example.org/3) · sentence 3',
    );
    expect(shown).not.toContain('article-3');
  });

  it('counts the events the core did not quote among those left out', () => {
    const message = renderTimelineMessage(timelineOf([{ events: [event(1, 10)], differing: false }], [], 40));
    expect(message.embeds![0]!.footer?.text).toContain('40 more events did not fit');
    expect(message.embeds![0]!.description).toContain('41 dated events');
  });

  it('never splits the datings of one event that articles give differently', () => {
    const single = Array.from({ length: 9 }, (_, i) => ({ events: [event(i + 1)], differing: false }));
    const pair = { events: [event(20), event(21)], differing: true };
    const embed = renderTimelineMessage(timelineOf([...single, pair, { events: [event(25)], differing: false }])).embeds![0]!;
    const differs = embed.fields!.filter((f) => f.name.startsWith('≠ differs:'));
    expect([0, 2]).toContain(differs.length);
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embed.total);
  });

  it('keeps a long sentence’s date when it is cut: starts before the date rather than dropping it', () => {
    const long = event(9, 120);
    const shown = sentenceAroundDate(long.excerpt, 200);
    expect(shown.length).toBeLessThanOrEqual(200);
    expect(shown).toContain('**March 9**');
    expect(shown.startsWith('…')).toBe(true);
  });

  it('with nothing to show, one plain sentence and no embed', () => {
    const message = renderTimelineMessage({
      topic: 'harbour',
      status: 'no-dates',
      entries: [],
      undated: [],
      datedCount: 0,
      undatedCount: 0,
      articleCount: 3,
    });
    expect(message.embeds).toBeUndefined();
    expect(message.content).toBe('Nothing dated about “harbour”: the sentences about it give no date (3 articles searched).');
  });
});
