/** Small pieces of Discord Markdown shared by the bot's messages. */

/**
 * A URL safe inside Markdown's `[text](url)` and `<url>`: spaces, parentheses and angle brackets
 * percent-encoded, and `@` too, so that a link can carry no mention syntax (`…/@everyone/<@123>`).
 * (A URL with credentials, `user@host`, is not a news link; it would be shown mangled.)
 */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>@]/g, (c) => encodeURIComponent(c));
}

/** `text` as inline code; backticks in it are replaced so the code span cannot be broken out of. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

/** "1 article", "3 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
