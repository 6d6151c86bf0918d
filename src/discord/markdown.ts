/** Small pieces of Discord Markdown shared by the bot's messages. */
import { displayText } from '../answer/displayText.js';

/**
 * A URL safe inside Markdown's `[text](url)` and `<url>`: spaces, parentheses and angle brackets
 * percent-encoded, and `@` too, so that a link can carry no mention syntax (`…/@everyone/<@123>`).
 * (A URL with credentials, `user@host`, is not a news link; it would be shown mangled.)
 */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>@\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (c) => encodeURIComponent(c));
}

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
