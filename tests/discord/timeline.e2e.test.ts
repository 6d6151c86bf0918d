// /timeline end to end: the real bot (discord.js client) against the fake Discord, over a copy of
// the seed corpus and over a small corpus where two articles date the same meeting differently.
// Expected events come from the answering core itself: these tests check what the Discord face
// makes of a timeline (order, citations, differing datings, limits), not the dates' quality.

import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.js';
import { escapeMarkdown } from '../../src/answer/render.js';
import { eventDateLabel } from '../../src/answer/timelineRender.js';
import type { Timeline } from '../../src/answer/types.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { embedLength } from '../../src/discord/embedFit.js';
import { timelineChart } from '../../src/answer/timelineChart.js';
import { CHART_COLORS, CHART_WIDTH, chartHeight } from '../../src/chart/timelinePng.js';
import { TIMELINE_PICTURE_NAME } from '../../src/discord/timelinePicture.js';
import { type BotHarness, type BotReply, expectSafeTraffic, type SentMessage, startBotHarness } from '../support/botHarness.js';
import { countColor, decodePng, type DecodedPng } from '../support/png.js';
import { occurrences, shownText } from '../support/shownText.js';
import { writeTimelineCorpus } from '../support/timelineCorpus.js';

/** The field names the bot shows, in order, for a timeline (every event fits in these small corpora). */
function expectedNames(timeline: Timeline): string[] {
  return [
    ...timeline.entries.flatMap((entry) => entry.events.map((event) => `${entry.differing ? '≠ differs: ' : ''}${eventDateLabel(event)}`)),
    ...timeline.undated.map(eventDateLabel),
  ];
}

function checkWithinLimits(message: SentMessage): void {
  expect((message.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  for (const embed of message.embeds ?? []) {
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embed.total);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.embed.fields);
  }
}

/**
 * The reply carries one picture, timeline.png, that decodes whole at the size of the chart the core
 * makes of `expected` (one row per event on the axis), with its alt text; the embed is there too
 * (and no text repeating it).
 */
function expectPicture(reply: BotReply, expected: Timeline): DecodedPng {
  expect(reply.files).toHaveLength(1);
  const [file] = reply.files;
  expect(file!.name).toBe(TIMELINE_PICTURE_NAME);
  expect(file!.size).toBeLessThanOrEqual(DISCORD_LIMITS.attachmentBytes);
  const png = decodePng(file!.content);
  const chart = timelineChart(expected);
  expect(chart.rows.length).toBeGreaterThan(0);
  expect([png.width, png.height]).toEqual([CHART_WIDTH, chartHeight(chart.rows.length)]);
  expect(reply.message.attachments?.[0]?.description).toContain(`${chart.rows.length} events on a time axis`);
  expect(reply.message.content ?? '').toBe('');
  expect(reply.message.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  return png;
}

function afterEachChecks(h: () => BotHarness): void {
  afterEach(() => {
    expectSafeTraffic(h().fake);
  });
}

describe('/timeline on the seed corpus', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ commands: COMMANDS });
  });
  afterEachChecks(() => h);
  afterAll(async () => {
    await h?.close();
  });

  it('without a topic: every dated event of the corpus in calendar order, each quoted with its date in bold and cited', async () => {
    const reply = await h.command({ name: 'timeline' }, { timeoutMs: 60_000 });
    const expected = await h.service.current.timeline(null);
    expect(expected.entries.length).toBeGreaterThan(1);
    const [embed] = reply.message.embeds ?? [];
    expect(embed?.author?.name).toBe('/timeline');
    expect(embed?.fields?.map((f) => f.name)).toEqual(expectedNames(expected));
    const events = expected.entries.flatMap((entry) => entry.events);
    events.forEach((event, i) => {
      const field = embed!.fields![i]!;
      const citation = event.excerpt.citations[0]!;
      const { text, highlight } = event.excerpt;
      // The date in bold, inside a verbatim piece of the sentence (cut to fit around the date when long).
      expect(field.value).toContain(`**${escapeMarkdown(text.slice(highlight!.start, highlight!.end))}**`);
      const quoted = field.value.split('\n')[0]!.replace(/^> …?/, '').replace(/\*\*/g, '').replace(/…$/, '');
      expect(escapeMarkdown(text)).toContain(quoted);
      expect(field.value).toContain(`sentence ${citation.position}`);
      // Cited by the article's label, never its file id.
      expect(field.value).toContain(`— ${escapeMarkdown(citation.label.name)}`);
      expect(field.value).not.toContain(citation.articleId);
    });
    expect(embed?.footer?.text).toContain(`Searched ${expected.articleCount} articles`);
    expect(embed?.footer?.text).not.toContain('did not fit');
    // The embed alone: no text repeating each event's date and citation.
    expect(reply.message.content ?? '').toBe('');
    const shown = shownText(reply.message);
    const names = expectedNames(expected);
    for (const name of names) expect(occurrences(shown, name), name).toBe(names.filter((other) => other === name).length);
    checkWithinLimits(reply.message);
    // No event of the seed corpus is dated differently: nothing in the picture is drawn in that colour.
    expect(countColor(expectPicture(reply, expected), CHART_COLORS.differing)).toBe(0);
  });

  it('with a topic: only the events about it, from the same core', async () => {
    const expected = await h.service.current.timeline('summit');
    expect(expected.status).toBe('answered');
    const reply = await h.command({ name: 'timeline', options: { topic: 'summit' } });
    expect(reply.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const [embed] = reply.message.embeds ?? [];
    expect(embed?.author?.name).toBe('/timeline summit');
    expect(embed?.fields?.map((f) => f.name)).toEqual(expectedNames(expected));
    const all = await h.service.current.timeline(null);
    expect(embed!.fields!.length).toBeLessThanOrEqual(expectedNames(all).length);
    checkWithinLimits(reply.message);
    expectPicture(reply, expected);
  });

  it('says plainly when nothing about the topic is dated, or nothing is known about it', async () => {
    const unknown = await h.command({ name: 'timeline', options: { topic: 'Elon Musk' } });
    expect(unknown.message.embeds ?? []).toEqual([]);
    expect(unknown.files).toEqual([]);
    expect(unknown.message.content).toContain('I found nothing about “Elon Musk”');
    const undated = await h.service.current.timeline('spokesperson');
    if (undated.status === 'no-dates') {
      const reply = await h.command({ name: 'timeline', options: { topic: 'spokesperson' } });
      expect(reply.message.embeds ?? []).toEqual([]);
      expect(reply.message.content).toContain('Nothing dated about “spokesperson”');
    }
  });

  it('autocompletes the topic from the corpus', async () => {
    const choices = await h.autocomplete({ name: 'timeline', focused: { name: 'topic', value: 'Xi' } });
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) expect(choice.value.toLowerCase()).toContain('xi');
  });
});

describe('/timeline where two articles date the same meeting differently', () => {
  let h: BotHarness;
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await writeTimelineCorpus();
    h = await startBotHarness({ commands: COMMANDS, corpusDir });
  });
  afterEachChecks(() => h);
  afterAll(async () => {
    await h?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('shows both datings side by side, marked as differing, and the undated events at the end', async () => {
    const expected = await h.service.current.timeline(null);
    const differing = expected.entries.find((entry) => entry.differing);
    expect(differing?.events).toHaveLength(2);
    const reply = await h.command({ name: 'timeline' }, { timeoutMs: 60_000 });
    const fields = reply.message.embeds?.[0]?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(expectedNames(expected));
    const marked = fields.filter((f) => f.name.startsWith('≠ differs: '));
    expect(marked).toHaveLength(2);
    expect(marked.every((f) => f.inline === true)).toBe(true);
    expect(fields.filter((f) => f.inline === true)).toHaveLength(2);
    const [first, second] = differing!.events;
    expect(marked[0]!.value).toContain(`sentence ${first!.excerpt.citations[0]!.position}`);
    expect(marked[1]!.value).toContain(escapeMarkdown(second!.excerpt.citations[0]!.label.name));
    expect(reply.message.embeds?.[0]?.description).toContain('different dates for the same event');
    expect(fields.at(-1)?.name).toBe(eventDateLabel(expected.undated.at(-1)!));
    // Each dating once: the embed alone, no text listing them again (the field names are checked above).
    expect(reply.message.content ?? '').toBe('');
    // The picture marks the two datings in their colour, and says so in its alt text.
    expect(countColor(expectPicture(reply, expected), CHART_COLORS.differing)).toBeGreaterThan(100);
    expect(reply.message.attachments?.[0]?.description).toContain('1 event dated differently by different articles');
  });

  it('with a topic: the two datings of the meeting, still side by side', async () => {
    const reply = await h.command({ name: 'timeline', options: { topic: 'fisheries accord' } });
    const marked = (reply.message.embeds?.[0]?.fields ?? []).filter((f) => f.name.startsWith('≠ differs: '));
    expect(marked).toHaveLength(2);
  });
});
