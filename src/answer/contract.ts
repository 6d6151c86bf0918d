import { isoResolvedDate } from '../language/dateResolution.js';
import { renderAnswerText } from './render.js';
import { eventDateLabel, renderTimelineText } from './timelineRender.js';
import type { Answer, Timeline, TimelineEvent } from './types.js';

/** One answer in the JSON form of the `ask` contract (../shared/eval/CONTRACT.md). */
export interface AnswerJson {
  command: string;
  query: string;
  answer: string | null;
  /** The calendar date of a time answer in ISO 8601 at its precision ("2026-01-05", "2025-12"), else null. */
  answerDate: string | null;
  excerpts: Array<{
    text: string;
    context: string | null;
    article: string;
    title: string | null;
    source: string | null;
    url: string | null;
    sentence: number;
    score: number;
    also: Array<{ article: string; sentence: number }>;
  }>;
  reply: string;
}

export function answerToJson(answer: Answer, query: string): AnswerJson {
  return {
    command: answer.question.command,
    query,
    answer: answer.answer,
    answerDate: answer.answerDate === null ? null : isoResolvedDate(answer.answerDate),
    excerpts: answer.excerpts.map((excerpt) => {
      const [first, ...others] = excerpt.citations;
      return {
        text: excerpt.text,
        context: excerpt.context,
        article: first?.articleId ?? '',
        title: first?.title ?? null,
        source: first?.source ?? null,
        url: first?.url ?? null,
        sentence: first?.position ?? 0,
        score: excerpt.score,
        also: others.map((c) => ({ article: c.articleId, sentence: c.position })),
      };
    }),
    reply: renderAnswerText(answer),
  };
}

/** One timeline event in the JSON form of `ask` (not part of the eval contract: `/timeline` is not a question). */
export interface TimelineEventJson {
  /** ISO 8601 at the date's precision ("2026-01-04", "2025-12", "2026-01-04/2026-01-07"); null when unresolved. */
  date: string | null;
  /** The date as shown: "4 January 2026 (“Sunday”)". */
  label: string;
  wording: string;
  /** For an undated article's event: the date in the same article that places it, and its sentence. */
  placedBy: { date: string; sentence: number } | null;
  text: string;
  article: string;
  title: string | null;
  source: string | null;
  url: string | null;
  sentence: number;
}

export interface TimelineJson {
  command: 'timeline';
  query: string | null;
  status: Timeline['status'];
  entries: Array<{ differing: boolean; events: TimelineEventJson[] }>;
  undated: TimelineEventJson[];
  reply: string;
}

function timelineEventToJson(event: TimelineEvent): TimelineEventJson {
  const citation = event.excerpt.citations[0];
  return {
    date: event.date === null ? null : isoResolvedDate(event.date),
    label: eventDateLabel(event),
    wording: event.wording,
    placedBy: event.placedBy === null ? null : { date: isoResolvedDate(event.placedBy.date), sentence: event.placedBy.position },
    text: event.excerpt.text,
    article: citation?.articleId ?? '',
    title: citation?.title ?? null,
    source: citation?.source ?? null,
    url: citation?.url ?? null,
    sentence: citation?.position ?? 0,
  };
}

export function timelineToJson(timeline: Timeline): TimelineJson {
  return {
    command: 'timeline',
    query: timeline.topic,
    status: timeline.status,
    entries: timeline.entries.map((entry) => ({ differing: entry.differing, events: entry.events.map(timelineEventToJson) })),
    undated: timeline.undated.map(timelineEventToJson),
    reply: renderTimelineText(timeline),
  };
}
