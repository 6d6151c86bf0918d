import { formatResolvedDate } from '../language/dateResolution.js';
import { truncate } from '../text/truncate.js';
import { citationMarkdown, escapeMarkdown, highlightedText } from './render.js';
import type { Timeline, TimelineEvent } from './types.js';

/**
 * A timeline as plain Markdown text (what the console and `ask` print) and the pieces the Discord
 * face shares with it: the date label of an event and the messages for an empty timeline.
 */

/** The longest topic echoed back (a long one would drown the message). */
const MAX_ECHOED_TOPIC = 150;

function echo(topic: string): string {
  return escapeMarkdown(truncate(topic, MAX_ECHOED_TOPIC));
}

/**
 * What an event is dated as, in plain text: "4 January 2026 (“Sunday”)", the wording alone when it
 * says no more ("November 2025" for "November 2025"), and for an undated article's event its wording
 * and what places it: "Sunday (article undated; placed by 4 January 2026 in sentence 1)".
 */
export function eventDateLabel(event: TimelineEvent): string {
  if (event.date !== null) {
    const date = formatResolvedDate(event.date);
    return date === event.wording ? date : `${date} (“${event.wording}”)`;
  }
  if (event.placedBy !== null) {
    return `${event.wording} (article undated; placed by ${formatResolvedDate(event.placedBy.date)} in sentence ${event.placedBy.position})`;
  }
  return `${event.wording} (article undated)`;
}

/** "N dated events from M articles" and the like. */
export function timelineTitle(timeline: Timeline): string {
  return timeline.topic === null ? 'Timeline of the corpus' : `Timeline: ${timeline.topic}`;
}

/** The message for a timeline with nothing to show: nothing about the topic, or nothing dated. */
export function emptyTimelineText(timeline: Timeline): string {
  const articles = timeline.articleCount === 1 ? '1 article' : `${timeline.articleCount} articles`;
  if (timeline.topic === null) return `Nothing in the corpus is dated (${articles} searched).`;
  if (timeline.status === 'not-found') return `I found nothing about “${echo(timeline.topic)}” in the corpus (${articles} searched).`;
  return `Nothing dated about “${echo(timeline.topic)}”: the sentences about it give no date (${articles} searched).`;
}

/** How many events a timeline has (dated, undated) and how many of them it quotes (shown). */
export function eventCount(timeline: Timeline): { dated: number; undated: number; shown: number } {
  const shown = timeline.entries.reduce((sum, entry) => sum + entry.events.length, 0) + timeline.undated.length;
  return { dated: timeline.datedCount, undated: timeline.undatedCount, shown };
}

function eventLines(event: TimelineEvent, indent: string): string[] {
  const citation = event.excerpt.citations[0];
  return [
    `${indent}**${escapeMarkdown(eventDateLabel(event))}**`,
    `${indent}> ${highlightedText(event.excerpt)}`,
    ...(citation === undefined ? [] : [`${indent}— ${citationMarkdown(citation)}`]),
  ];
}

export function renderTimelineText(timeline: Timeline): string {
  const { dated, undated, shown } = eventCount(timeline);
  if (dated + undated === 0) return emptyTimelineText(timeline);
  const lines = [`**${escapeMarkdown(timelineTitle(timeline))}** (${dated} dated event${dated === 1 ? '' : 's'}, in calendar order)`];
  for (const entry of timeline.entries) {
    lines.push('');
    if (entry.differing) {
      lines.push(`≠ The articles differ on the date of this event:`);
      for (const event of entry.events) lines.push(...eventLines(event, '  '));
    } else {
      for (const event of entry.events) lines.push(...eventLines(event, ''));
    }
  }
  if (timeline.undated.length > 0) {
    lines.push('', `Undated (${undated}: neither the article nor its text gives a date to place them by):`);
    for (const event of timeline.undated) lines.push(...eventLines(event, '  '));
  }
  if (shown < dated + undated) lines.push('', `(${dated + undated - shown} more events not shown)`);
  return lines.join('\n');
}
