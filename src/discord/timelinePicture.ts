import { AttachmentBuilder } from 'discord.js';
import { chartSummary, timelineChart, type TimelineChart } from '../answer/timelineChart.js';
import type { Timeline } from '../answer/types.js';
import type { Logger } from '../logger.js';
import { DISCORD_LIMITS } from './limits.js';
import type { MessageParts } from './messageOptions.js';
import { truncate } from '../text/truncate.js';

/**
 * The /timeline reply's picture: the timeline's events on a time axis, as a PNG file attached to
 * the message. Never in the way of the text: a picture that cannot be drawn, takes too long or is
 * too large is left out with a warning, and the reply goes without it.
 */

export const TIMELINE_PICTURE_NAME = 'timeline.png';
/**
 * The longest the picture may take to draw. A reply that was not deferred must reach Discord within
 * 3 seconds of the command; drawing takes some tens of milliseconds (at most CHART_MAX_EVENTS rows).
 */
export const DRAW_TIMEOUT_MS = 1_500;

export type DrawChart = (chart: TimelineChart) => Promise<Buffer>;

/**
 * The drawing module, loaded on first use: the image library is a native module, and one that
 * cannot be loaded (no build for this machine) costs the picture, not the bot or the reply.
 */
const drawWithCanvas: DrawChart = async (chart) => (await import('../chart/timelinePng.js')).drawTimelinePng(chart);

export interface PictureOptions {
  /** Draws the chart (default: drawTimelinePng, loaded when first needed); tests replace it to make it fail or hang. */
  draw?: DrawChart;
  timeoutMs?: number;
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`drawing took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The picture of a timeline as an attachment, or null when it has no dated event or the picture could not be made (logged). */
export async function timelinePicture(timeline: Timeline, logger: Logger, options: PictureOptions = {}): Promise<AttachmentBuilder | null> {
  const chart = timelineChart(timeline);
  if (chart.rows.length === 0) return null;
  const draw = options.draw ?? drawWithCanvas;
  const started = performance.now();
  let png: Buffer;
  try {
    png = await withinTime(
      Promise.resolve().then(() => draw(chart)),
      options.timeoutMs ?? DRAW_TIMEOUT_MS,
    );
  } catch (error) {
    logger.warn({ err: error, topic: timeline.topic, rows: chart.rows.length }, 'timeline picture not drawn; the reply goes without it');
    return null;
  }
  if (png.length > DISCORD_LIMITS.attachmentBytes) {
    logger.warn(
      { topic: timeline.topic, bytes: png.length, limit: DISCORD_LIMITS.attachmentBytes },
      'timeline picture too large to attach; the reply goes without it',
    );
    return null;
  }
  logger.debug(
    { topic: timeline.topic, rows: chart.rows.length, bytes: png.length, ms: Math.round(performance.now() - started) },
    'timeline picture drawn',
  );
  return new AttachmentBuilder(png, {
    name: TIMELINE_PICTURE_NAME,
    description: truncate(chartSummary(chart), DISCORD_LIMITS.attachmentDescription),
  });
}

/** The reply's parts with the timeline's picture attached, when there is one. */
export async function withTimelinePicture(
  parts: MessageParts,
  timeline: Timeline,
  logger: Logger,
  options: PictureOptions = {},
): Promise<MessageParts> {
  const picture = await timelinePicture(timeline, logger, options);
  return picture === null ? parts : { ...parts, files: [picture] };
}
