/** Small pieces of Discord Markdown shared by the bot's messages. */
import { displayText } from '../answer/displayText.js';

/** Links written Markdown-safe: the core's rule (see render.ts). */
export { markdownUrl } from '../answer/render.js';

/**
 * `text` as inline code, shown as displayText shows it (no bidi overrides, control characters such
 * as NUL written `\u0000`); backticks in it are replaced so the code span cannot be broken out of.
 */
export function code(text: string): string {
  return `\`${displayText(text).replace(/`/g, 'ˋ')}\``;
}

/** "1 article", "3 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
