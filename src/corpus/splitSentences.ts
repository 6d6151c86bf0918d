/**
 * Turning the body of a news article into its headline and sentences. Every sentence is an exact
 * substring of the input (trimmed of surrounding whitespace): text is never rewritten, only page
 * furniture is left out (see boilerplate.ts), and over-long sentences are cut (see longSentences.ts).
 */
import { isBoilerplateLine, stripGluedMarkers } from './boilerplate.js';
import { capSentence, SENTENCE_TARGET_CHARS } from './longSentences.js';
import { sentenceRangesInLine } from './sentenceBoundaries.js';

export interface SplitResult {
  /** The article's headline when its first line of text has no final punctuation, else null. */
  headline: string | null;
  /** The sentences in article order; the headline, if any, comes first. */
  sentences: string[];
  /** How many over-long sentences were cut into pieces (see longSentences.ts); absent when none was. */
  longSentencesCut?: number;
}

/** A piece of a cut sentence without a letter or digit (a run of dashes) is no sentence. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/** A Markdown heading marker ("# ", "## ") at the start of a line: markup, not text. */
const MARKDOWN_HEADING = /^#{1,6}[ \t]+/;

/**
 * The text of one line once page markers and Markdown heading markers are removed, trimmed;
 * an exact substring of the line. Null when the line carries no article text.
 */
export function articleTextOfLine(rawLine: string): string | null {
  const line = rawLine.trim();
  const kept = stripGluedMarkers(line);
  if (kept === null) return null;
  let text = line.slice(kept.start, kept.end).trim();
  const heading = MARKDOWN_HEADING.exec(text);
  if (heading) text = text.slice(heading[0].length).trim();
  if (text === '' || isBoilerplateLine(text)) return null;
  return text;
}

/**
 * True when a line ends like a sentence: with `.`, `!`, `?` or `…`, possibly followed by closing
 * quotes or brackets (`…tensions.”`, `…tensions”.`). A first line without such an ending is a headline.
 */
export function hasFinalPunctuation(line: string): boolean {
  return /[.!?…][”"’')\]]*$/u.test(line.trimEnd());
}

/**
 * Splits article text into sentences.
 *
 * - A line break always ends a sentence; a line may hold several sentences.
 * - Boilerplate lines (section names, "Advertisement", "Published: …", credits, bylines…) are
 *   dropped, and markers glued to text ("End of ArticlePresident Lee…") are stripped.
 * - The first remaining line is the headline when it has no final punctuation and is no longer
 *   than a sentence may be; it is returned both as `headline` and as the first sentence, and never split.
 * - A sentence longer than SENTENCE_TARGET_CHARS is cut into pieces (see longSentences.ts).
 * - A dateline ("SEOUL:", "BEIJING (Reuters) -") stays part of the first sentence.
 *
 * Pure: the same text always gives the same result.
 */
export function splitSentences(text: string): SplitResult {
  const lines = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(articleTextOfLine)
    .filter((line): line is string => line !== null);
  const [first, ...rest] = lines;
  if (first === undefined) return { headline: null, sentences: [] };

  const headline = hasFinalPunctuation(first) || first.length > SENTENCE_TARGET_CHARS ? null : first;
  const bodyLines = headline === null ? lines : rest;
  let longSentencesCut = 0;
  const sentences = bodyLines.flatMap((line) =>
    sentenceRangesInLine(line).flatMap(([start, end]) => {
      const pieces = capSentence(line, start, end);
      if (pieces.length > 1) longSentencesCut += 1;
      return pieces.map(([from, to]) => line.slice(from, to)).filter((piece) => HAS_WORD.test(piece));
    }),
  );
  const all = headline === null ? sentences : [headline, ...sentences];
  return longSentencesCut === 0 ? { headline, sentences: all } : { headline, sentences: all, longSentencesCut };
}
