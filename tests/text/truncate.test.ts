// One truncator for every face: the short answer, a query or topic echoed back, a look at a body.
import { describe, expect, it } from 'vitest';
import { notFoundText } from '../../src/answer/render.js';
import { readQuestion } from '../../src/answer/question.js';
import { emptyTimelineText } from '../../src/answer/timelineRender.js';
import type { Answer, Timeline } from '../../src/answer/types.js';
import { ELLIPSIS } from '../../src/text/truncate.js';

const LONG = `summit ${'harbour '.repeat(40)}end`;

/** The text between the quotation marks of an echo. */
function echoed(text: string): string {
  return /“(.*)”/su.exec(text)?.[1] ?? '';
}

describe('echoed queries and topics', () => {
  it('a long query is echoed in "nothing found" cut at a word, within 150 characters, with an ellipsis', () => {
    const answer: Answer = {
      question: readQuestion('what', LONG),
      status: 'not-found',
      answer: null,
      answerDate: null,
      excerpts: [],
      articleCount: 2,
    };
    const echo = echoed(notFoundText(answer));
    expect(echo.length).toBeLessThanOrEqual(150);
    expect(echo.endsWith(`harbour${ELLIPSIS}`)).toBe(true);
  });

  it('a long timeline topic is echoed the same way', () => {
    const timeline: Timeline = {
      topic: LONG,
      status: 'not-found',
      entries: [],
      undated: [],
      datedCount: 0,
      undatedCount: 0,
      articleCount: 2,
    };
    const echo = echoed(emptyTimelineText(timeline));
    expect(echo.length).toBeLessThanOrEqual(150);
    expect(echo.endsWith(`harbour${ELLIPSIS}`)).toBe(true);
  });
});
