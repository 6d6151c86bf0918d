import type { APIEmbed, APIEmbedField } from 'discord.js';
import { escapeMarkdown } from '../answer/render.js';
import { emptyTimelineText, eventCount, eventDateLabel, timelineTitle } from '../answer/timelineRender.js';
import type { Excerpt, Timeline, TimelineEvent } from '../answer/types.js';
import { embedCitation } from './answerMessage.js';
import { embedLength, fitEmbed } from './embedFit.js';
import { highlightedWithin } from './highlight.js';
import { DISCORD_LIMITS } from './limits.js';
import { plural } from './markdown.js';
import type { MessageParts } from './messageOptions.js';
import { ELLIPSIS, truncate } from '../text/truncate.js';

/** The colour of a timeline's embed. */
export const TIMELINE_COLOR = 0x8b5cf6;
/** An event's field value is kept to this, so that ten or more events fit in one embed. */
const EVENT_FIELD_LENGTH = 520;
/** The citation under an event's sentence is kept to this (its link left out first). */
const CITATION_LENGTH = 200;
/** Room kept in the embed's 6000 characters for the footer, which says how many events were left out. */
const FOOTER_ROOM = 200;
/** Marks the versions of one event that articles date differently. */
const DIFFERS = '≠ differs:';

function echo(timeline: Timeline): string {
  return timeline.topic === null ? '/timeline' : `/timeline ${timeline.topic}`;
}

/** One event as a field: its date (or what places it) as the name, the sentence with the date in bold and its citation. */
function eventField(event: TimelineEvent, differing: boolean): APIEmbedField {
  const [citation] = event.excerpt.citations;
  const name = truncate(`${differing ? `${DIFFERS} ` : ''}${eventDateLabel(event)}`, DISCORD_LIMITS.embed.fieldName);
  const source = citation === undefined ? '' : `— ${embedCitation(citation, CITATION_LENGTH - 2)}`;
  const sentence = `> ${sentenceAroundDate(event.excerpt, EVENT_FIELD_LENGTH - source.length - 3)}`;
  // Side by side (inline) when articles differ, so the two datings are read together.
  return { name, value: source === '' ? sentence : `${sentence}\n${source}`, inline: differing };
}

/**
 * The sentence with its date in bold in at most `max` characters: cut at the end when the date is
 * early enough to stay, else started a few words before the date (after an ellipsis).
 */
export function sentenceAroundDate(excerpt: Excerpt, max: number): string {
  const rendered = highlightedWithin(excerpt, max);
  const { highlight, text } = excerpt;
  if (highlight === null || rendered.includes('**')) return rendered;
  const wordBefore = text.lastIndexOf(' ', Math.max(0, highlight.start - 60));
  const from = wordBefore <= 0 ? highlight.start : wordBefore + 1;
  const shifted: Excerpt = {
    ...excerpt,
    text: `${ELLIPSIS}${text.slice(from)}`,
    highlight: { start: highlight.start - from + 1, end: highlight.end - from + 1 },
  };
  return highlightedWithin(shifted, max);
}

function footerText(timeline: Timeline, leftOut: number): string {
  const parts = [`Searched ${plural(timeline.articleCount, 'article')}`, 'quotes are verbatim'];
  if (leftOut > 0) parts.unshift(`${plural(leftOut, 'more event')} did not fit (same order; ask about a narrower topic)`);
  return parts.join(' · ');
}

/**
 * The timeline as an embed: entries in calendar order while they fit Discord's limits (never half
 * of an entry: the datings that differ stay together), then the undated events; the footer says how
 * many events were left out.
 */
export function timelineEmbed(timeline: Timeline): APIEmbed {
  const { dated, undated } = eventCount(timeline);
  const groups: APIEmbedField[][] = [
    ...timeline.entries.map((entry) => entry.events.map((event) => eventField(event, entry.differing))),
    ...timeline.undated.map((event) => [eventField(event, false)]),
  ];
  const description = [
    `${plural(dated, 'dated event')} in calendar order`,
    ...(undated > 0 ? [`${plural(undated, 'undated event')} at the end`] : []),
    ...(timeline.entries.some((entry) => entry.differing) ? [`${DIFFERS} articles give different dates for the same event`] : []),
  ].join(' · ');
  const embed: APIEmbed = {
    color: TIMELINE_COLOR,
    author: { name: truncate(echo(timeline), DISCORD_LIMITS.embed.authorName) },
    title: truncate(escapeMarkdown(timelineTitle(timeline)), DISCORD_LIMITS.embed.title),
    description,
    fields: [],
  };
  const fields: APIEmbedField[] = [];
  let shown = 0;
  for (const group of groups) {
    const candidate = { ...embed, fields: [...fields, ...group] };
    if (candidate.fields.length > DISCORD_LIMITS.embed.fields || embedLength(candidate) > DISCORD_LIMITS.embed.total - FOOTER_ROOM) break;
    fields.push(...group);
    shown += group.length;
  }
  return fitEmbed({ ...embed, fields, footer: { text: footerText(timeline, dated + undated - shown) } }).embed;
}

/**
 * The whole reply to /timeline: the embed alone, so that each event is shown once (renderTimelineText
 * gives the same as text, for `ask`); with nothing to show, one plain sentence.
 */
export function renderTimelineMessage(timeline: Timeline): MessageParts {
  const { dated, undated } = eventCount(timeline);
  if (dated + undated === 0) return { content: truncate(emptyTimelineText(timeline), DISCORD_LIMITS.content) };
  return { embeds: [timelineEmbed(timeline)] };
}
