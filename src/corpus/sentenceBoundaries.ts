/**
 * Splitting one line of article text into sentences, without rewriting anything: the result is a
 * list of [start, end) offsets into the line.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets, in either order:
 * `tensions.”` and `tensions”.` both end a sentence) when whitespace follows and the next
 * sentence can start there (not a lowercase letter: `“Why?” he asked` is one sentence).
 * A comma inside a quote never ends a sentence. A period after an abbreviation usually does not.
 */

/** Characters that end a sentence. */
const TERMINATORS = new Set(['.', '!', '?', '…']);

/** Characters that may follow a terminator and still belong to the ending sentence. */
const CLOSERS = new Set(['.', '!', '?', '…', '”', '"', '’', "'", ')', ']']);

/** Characters that may open a sentence before its first letter. */
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[']);

/**
 * Abbreviations after which a period never ends a sentence: titles before a name, months before a
 * day, "No." before a number, Latin abbreviations. Matched case-sensitively, without the period.
 */
const NEVER_FINAL_ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Sgt', 'Adm',
  'Maj', 'Cmdr', 'Pres', 'Rev', 'Hon', 'Fr', 'Mt', 'Ft', 'No', 'Nos', 'Vol',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'vs', 'v', 'e.g', 'i.e', 'cf', 'approx', 'est',
]);

/**
 * Abbreviations that often end a sentence too ("…a unit of Samsung Electronics Co."). Like dotted
 * acronyms (U.S., U.N., a.m.) and single initials (J. Smith), they end a sentence only when the
 * next word is one that typically starts a sentence ("…in the U.S. The next day…"), so that
 * "U.S. President" or "Samsung Electronics Co. Ltd." stay whole.
 */
const SOMETIMES_FINAL_ABBREVIATIONS = new Set(['Inc', 'Corp', 'Ltd', 'Co', 'Jr', 'Sr', 'St', 'Bros', 'etc']);

/** Words that typically begin a sentence; after an ambiguous abbreviation they mark a boundary. */
const SENTENCE_STARTER_WORDS = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'There', 'Here',
  'He', 'She', 'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our', 'My',
  'But', 'And', 'Or', 'So', 'Yet', 'However', 'Meanwhile', 'Still', 'Also', 'Then', 'Now',
  'In', 'On', 'At', 'As', 'After', 'Before', 'When', 'While', 'If', 'Although', 'Though', 'Since',
  'Some', 'Many', 'Most', 'Both', 'Each', 'Such', 'No', 'Not', 'What', 'Why', 'How', 'Who',
]);

/** The word that ends just before `index` (the period's position), without leading quotes or brackets. */
function wordBefore(line: string, index: number): string {
  let start = index;
  while (start > 0 && !/\s/u.test(line.charAt(start - 1))) start -= 1;
  let word = line.slice(start, index);
  while (word !== '' && OPENERS.has(word.charAt(0))) word = word.slice(1);
  return word;
}

/** The word that starts at `index`, skipping opening quotes or brackets. */
function wordAt(line: string, index: number): string {
  return /^[\p{L}\p{N}]+/u.exec(line.slice(index))?.[0] ?? '';
}

/** True for "U.S", "a.m", "U.N" (letters separated by periods) and single capital initials ("J"). */
function isInitialism(word: string): boolean {
  return /^\p{L}(?:\.\p{L})+$/u.test(word) || /^\p{Lu}$/u.test(word);
}

/** Can a new sentence begin at `index` (the first non-space character after a terminator)? */
function canStartSentence(line: string, index: number): boolean {
  const char = line.charAt(index);
  if (OPENERS.has(char)) return true;
  return /[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(char);
}

/**
 * Does the period at `periodIndex` end a sentence, given that the next sentence would start at
 * `nextIndex`? Decides abbreviations, initials and acronyms.
 */
function periodEndsSentence(line: string, periodIndex: number, nextIndex: number): boolean {
  const word = wordBefore(line, periodIndex);
  if (NEVER_FINAL_ABBREVIATIONS.has(word)) return false;
  if (SOMETIMES_FINAL_ABBREVIATIONS.has(word) || isInitialism(word)) {
    return OPENERS.has(line.charAt(nextIndex)) || SENTENCE_STARTER_WORDS.has(wordAt(line, nextIndex));
  }
  return true;
}

/**
 * The sentences of one line of text, as [start, end) offsets into `line`, trimmed of surrounding
 * whitespace. Text after the last terminator (a sentence without final punctuation) is a
 * sentence of its own. A line without letters or digits yields nothing.
 */
export function sentenceRangesInLine(line: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let sentenceStart = 0;
  let index = 0;
  while (index < line.length) {
    if (!TERMINATORS.has(line.charAt(index))) {
      index += 1;
      continue;
    }
    let end = index;
    while (end < line.length && CLOSERS.has(line.charAt(end))) end += 1;
    let next = end;
    while (next < line.length && /\s/u.test(line.charAt(next))) next += 1;
    const followedBySpace = next > end;
    const isBoundary =
      next < line.length &&
      followedBySpace &&
      canStartSentence(line, next) &&
      (line.charAt(index) !== '.' || periodEndsSentence(line, index, next));
    if (isBoundary) {
      ranges.push([sentenceStart, end]);
      sentenceStart = next;
    }
    index = end;
  }
  ranges.push([sentenceStart, line.length]);
  return ranges.map(trimRange(line)).filter(([start, end]) => /[\p{L}\p{N}]/u.test(line.slice(start, end)));
}

/** Shrinks a range so it starts and ends on non-whitespace. */
function trimRange(line: string): (range: [number, number]) => [number, number] {
  return ([start, end]) => {
    let from = start;
    let to = end;
    while (from < to && /\s/u.test(line.charAt(from))) from += 1;
    while (to > from && /\s/u.test(line.charAt(to - 1))) to -= 1;
    return [from, to];
  };
}
