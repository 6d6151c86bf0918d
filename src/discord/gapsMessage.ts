import { escapeMarkdown } from '../answer/render.js';
import type { GapReport } from '../feedback/gapReport.js';
import { DISCORD_LIMITS } from './limits.js';
import { code, plural } from './markdown.js';
import type { MessageParts } from './messageOptions.js';
import { truncate } from '../text/truncate.js';

/** Longest a listed question may be shown. */
const QUESTION_ROOM = 160;

/** A Discord timestamp ("3 hours ago", in each reader's own language and time zone). */
function relativeTime(ms: number): string {
  return `<t:${Math.floor(ms / 1000)}:R>`;
}

/**
 * /corpus gaps: the questions asked in the last days that the serving corpus still cannot answer,
 * most asked first, then the answers with their Helpful / Not helpful votes, the most often not
 * helpful first. Cut to one message at a line.
 */
export function gapsMessage(report: GapReport): MessageParts {
  const period = report.days === 1 ? 'the last day' : `the last ${report.days} days`;
  const lines: string[] = [`**Unanswered questions, ${period}** (asked again of the current articles: those answered now are left out)`];
  if (report.gaps.length === 0) lines.push('None.');
  report.gaps.forEach((gap, i) => {
    lines.push(
      `${i + 1}. ${code(truncate(`/${gap.command} ${gap.query}`, QUESTION_ROOM))} — ${plural(gap.count, 'time')}, last asked ${relativeTime(gap.lastAskedAt)}`,
    );
  });
  lines.push('', `**Votes on answers, ${period}** (most often not helpful first)`);
  if (report.votes.length === 0) lines.push('None.');
  report.votes.forEach((tally, i) => {
    const answer = tally.shortAnswer === null ? '' : ` → ${escapeMarkdown(truncate(tally.shortAnswer, 80))}`;
    lines.push(
      `${i + 1}. ${code(truncate(`/${tally.command} ${tally.query}`, QUESTION_ROOM))}${answer} — ${tally.notHelpful} not helpful, ${tally.helpful} helpful, last vote ${relativeTime(tally.lastVotedAt)}`,
    );
  });
  return { content: fitLines(lines, DISCORD_LIMITS.content) };
}

/** As many whole lines as fit in `max` characters, with "…" when some were left out. */
function fitLines(lines: readonly string[], max: number): string {
  let text = '';
  for (const line of lines) {
    const next = text === '' ? line : `${text}\n${line}`;
    if (next.length > max - 2) return `${text}\n…`;
    text = next;
  }
  return text;
}
