/** Character-level normalisation shared by indexing and querying. */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;

/**
 * Folds text to a comparable form: Unicode NFKC, no zero-width characters, straight quotes,
 * ASCII hyphens, lower case. Lengths may change, so offsets must come from the original text.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase();
}

/** Removes accents (é → e) so that a query typed without them still matches. */
export function stripDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}
