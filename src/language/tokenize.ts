import { foldText, stripDiacritics } from './normalize.js';
import { stemWord } from './stem.js';
import { isStopWord, isStopWordAsTyped } from './stopWords.js';

/** One word of a text, with where it stands in the original string. */
export interface Token {
  /** The word exactly as written (possessive included: "Lee’s"). */
  surface: string;
  /** Offsets of `surface` in the original text. */
  start: number;
  end: number;
  /** Folded form without a possessive ending: "lee", "yu-jung", "one-china". */
  lower: string;
  /** Stems that index this word: the whole word's, plus each part of a hyphenated word. */
  stems: string[];
  /** Written with an initial capital (or all capitals). */
  capitalized: boolean;
  isStopWord: boolean;
  /** Index of the token in its text. */
  index: number;
}

// A word: an acronym with dots ("U.S."), or letters and digits with inner apostrophes, hyphens,
// dots between digits ("Lee’s", "Yu-jung", "3.5") or invisible characters that web pages leave
// inside words (soft hyphens, zero-width spaces and joiners: "sum\u00ADmit" is "summit").
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:(?:['\u2019\u2010\u2011-]|\.(?=\p{N})|[\u00AD\u200B-\u200D\u2060\uFEFF]+)[\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /'s$|s'$/;

/** Splits a text into word tokens with offsets, folded forms and stems. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index;
    let lower = foldWord(surface);
    if (POSSESSIVE.test(lower)) lower = lower.endsWith("'s") ? lower.slice(0, -2) : lower.slice(0, -1);
    if (lower.length === 0) continue;
    const first = surface.charAt(0);
    tokens.push({
      surface,
      start,
      end: start + surface.length,
      lower,
      stems: stemsOf(lower),
      capitalized: first !== first.toLowerCase(),
      isStopWord: isStopWordAsTyped(surface, lower, text),
      index: tokens.length,
    });
  }
  return tokens;
}

const ASCII = /^[\x20-\x7e]*$/;

/** Folds one word: lower case, and for non-ASCII words straight quotes, hyphens and no accents. */
function foldWord(surface: string): string {
  return ASCII.test(surface) ? surface.toLowerCase() : stripDiacritics(foldText(surface));
}

// Stemming is the costliest step of indexing and a corpus has far fewer distinct words than words:
// each word is stemmed once. Bounded, so that a flood of distinct junk cannot grow it forever.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string[]>();

/** The stems a folded word is indexed under: "yu-jung" → ["yujung", "yu", "jung"]. */
export function stemsOf(lower: string): string[] {
  let stems = stemCache.get(lower);
  if (stems === undefined) {
    stems = computeStems(lower);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(lower, stems);
  }
  return stems;
}

function computeStems(lower: string): string[] {
  if (/^(?:\p{L}\.){2,}$/u.test(lower)) return [lower.replace(/\./g, '')];
  const parts = lower.split(/['-]/).filter(Boolean);
  if (parts.length <= 1) return [stemWord(lower.replace(/'/g, ''))];
  const stems = [stemWord(parts.join(''))];
  // The parts of "government-in-exile" are "government" and "exile"; "in" is no topic.
  for (const part of parts) {
    if (isStopWord(part)) continue;
    const stem = stemWord(part);
    if (!stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

/** The terms under which a text is indexed: stems of its non-stop words. */
export function indexTerms(tokens: readonly Token[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) if (!token.isStopWord) for (const stem of token.stems) terms.push(stem);
  return terms;
}
