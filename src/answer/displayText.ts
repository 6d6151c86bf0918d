/**
 * Text as the bot shows it (in Discord and in the console): what it says is kept, what would make
 * it display as something else is not. The corpus and the `ask` JSON keep the text verbatim; only
 * what is shown goes through here.
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed:
 *   one U+202E in an article would show the rest of a quoted sentence reversed. Right-to-left
 *   letters still show right to left (the Unicode algorithm places them), and the invisible
 *   left-to-right and right-to-left marks (U+200E, U+200F, U+061C), which reorder no letter, stay.
 * - A run of combining marks is cut to MAX_MARKS_IN_A_ROW: enough for any script (a Vietnamese
 *   letter has two, a keycap emoji two), not for the towers of "zalgo" text.
 * - Control characters other than line breaks and tabs (NUL, escape sequences, a bell) are written
 *   as `\u0000`, or removed where the text may not grow.
 */

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** The most combining marks shown in a row (after one base character). */
export const MAX_MARKS_IN_A_ROW = 3;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS_IN_A_ROW}})\\p{M}+`, 'gu');
/** Control characters except tab (U+0009) and line feed (U+000A). */
const CONTROL = /(?![\t\n])\p{Cc}/gu;

function withoutReordering(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(MARK_RUN, '$1');
}

/** The text to show: no bidi overrides, at most three combining marks in a row, control characters written `\u0000`. */
export function displayText(text: string): string {
  return withoutReordering(text).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The same, with control characters removed rather than written out, so that the text is never
 * longer than it was: for a last pass over a message already cut to a length limit.
 */
export function displayTextWithin(text: string): string {
  return withoutReordering(text).replace(CONTROL, '');
}
