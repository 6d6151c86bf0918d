import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/answer/types.js';
import { CHART_WIDTH } from '../../src/chart/timelinePng.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { renderTimelineMessage } from '../../src/discord/timelineMessage.js';
import { TIMELINE_PICTURE_NAME, timelinePicture, withTimelinePicture } from '../../src/discord/timelinePicture.js';
import { memoryLogger } from '../support/botHarness.js';
import { decodePng } from '../support/png.js';
import { timelineEngine } from '../support/timelineCorpus.js';

const WARN = 40;

async function smallTimeline(): Promise<Timeline> {
  return timelineEngine().timeline(null, { maxEvents: DISCORD_LIMITS.embed.fields });
}

describe('the /timeline picture as an attachment', () => {
  it('is a PNG named timeline.png, described (alt text) by what it shows', async () => {
    const { logger, logs } = memoryLogger();
    const picture = await timelinePicture(await smallTimeline(), logger);
    expect(picture?.name).toBe(TIMELINE_PICTURE_NAME);
    expect(picture?.description).toMatch(
      /^Timeline of the corpus: \d+ events on a time axis from .+ to .+, in calendar order; 1 event dated differently/,
    );
    expect(picture!.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.attachmentDescription);
    expect(decodePng(picture!.attachment as Buffer).width).toBe(CHART_WIDTH);
    expect(logs.filter((l) => l.level >= WARN)).toEqual([]);
  });

  it('a drawing that fails: no picture, a warning, and the text reply whole', async () => {
    const { logger, logs } = memoryLogger();
    const timeline = await smallTimeline();
    const parts = renderTimelineMessage(timeline);
    const reply = await withTimelinePicture(parts, timeline, logger, { draw: () => Promise.reject(new Error('no canvas today')) });
    expect(reply).toEqual(parts);
    expect(reply.files).toBeUndefined();
    expect(reply.embeds?.[0]?.fields?.some((field) => field.name.startsWith('≠ differs:'))).toBe(true);
    const warning = logs.find((l) => l.level === WARN);
    expect(warning?.msg).toBe('timeline picture not drawn; the reply goes without it');
    expect(JSON.stringify(warning?.err)).toContain('no canvas today');
  });

  it('a drawing that takes too long is given up after the time allowed', async () => {
    const { logger, logs } = memoryLogger();
    const started = performance.now();
    const picture = await timelinePicture(await smallTimeline(), logger, {
      draw: () => new Promise<Buffer>(() => undefined),
      timeoutMs: 50,
    });
    expect(picture).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(logs.find((l) => l.level === WARN)?.err)).toContain('longer than 50 ms');
  });

  it('a picture larger than Discord takes is not attached', async () => {
    const { logger, logs } = memoryLogger();
    const picture = await timelinePicture(await smallTimeline(), logger, {
      draw: () => Promise.resolve(Buffer.alloc(DISCORD_LIMITS.attachmentBytes + 1)),
    });
    expect(picture).toBeNull();
    expect(logs.find((l) => l.level === WARN)?.msg).toBe('timeline picture too large to attach; the reply goes without it');
  });

  it('no picture, and no warning, for a timeline with nothing dated', async () => {
    const { logger, logs } = memoryLogger();
    const empty: Timeline = {
      topic: 'harbour',
      status: 'no-dates',
      entries: [],
      undated: [],
      datedCount: 0,
      undatedCount: 0,
      articleCount: 3,
    };
    let drawn = false;
    const picture = await timelinePicture(empty, logger, { draw: () => ((drawn = true), Promise.resolve(Buffer.alloc(1))) });
    expect(picture).toBeNull();
    expect(drawn).toBe(false);
    expect(logs.filter((l) => l.level >= WARN)).toEqual([]);
  });
});
