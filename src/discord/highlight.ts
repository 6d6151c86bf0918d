import { highlightedText } from '../answer/render.js';
import type { Excerpt } from '../answer/types.js';
import { truncate } from '../text/truncate.js';

/**
 * The excerpt's sentence with its answer span in bold (Markdown escaped), in at most `max`
 * characters. A sentence too long is cut at a word before it is escaped and highlighted, so the
 * bold markers always come in pairs.
 */
export function highlightedWithin(excerpt: Excerpt, max: number): string {
  let rendered = highlightedText(excerpt);
  let rawMax = excerpt.text.length;
  while (rendered.length > max && rawMax > 1) {
    rawMax = Math.max(1, rawMax - (rendered.length - max));
    const cut = truncate(excerpt.text, rawMax);
    // `cut` is a prefix of the text plus an ellipsis: offsets before the cut still hold.
    const kept = cut.length - 1;
    const { highlight } = excerpt;
    const clipped = highlight !== null && highlight.start < kept ? { start: highlight.start, end: Math.min(highlight.end, kept) } : null;
    rendered = highlightedText({ ...excerpt, text: cut, highlight: clipped });
  }
  return rendered.length <= max ? rendered : truncate(rendered, max);
}
