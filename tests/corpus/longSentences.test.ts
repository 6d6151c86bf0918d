import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capSentence, MAX_SENTENCE_CHARS, SENTENCE_TARGET_CHARS } from '../../src/corpus/longSentences.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { splitSentences } from '../../src/corpus/splitSentences.js';
import { longSentence, nameList } from '../../bench/pathologicalCorpus.js';

/** A body line that ends with a period, so that the line under test is not taken as a headline. */
const LEAD = 'Lee arrived in Beijing on Sunday.';

/**
 * Checks that `pieces`, in order, are `text` itself apart from whitespace between them: each an
 * exact, trimmed substring, nothing but whitespace left out, nothing taken twice.
 */
function expectVerbatimPieces(text: string, pieces: readonly string[]): void {
  let at = 0;
  for (const piece of pieces) {
    expect(piece).toBe(piece.trim());
    const found = text.indexOf(piece, at);
    expect(found).toBeGreaterThanOrEqual(at);
    expect(text.slice(at, found).trim()).toBe('');
    at = found + piece.length;
  }
  expect(text.slice(at).trim()).toBe('');
}

function piecesOf(text: string): string[] {
  return capSentence(text, 0, text.length).map(([start, end]) => text.slice(start, end));
}

describe('cutting over-long sentences', () => {
  it('leaves a sentence up to the target length alone', () => {
    const text = `${'word '.repeat(79)}end.`;
    expect(text.length).toBeLessThanOrEqual(SENTENCE_TARGET_CHARS);
    expect(piecesOf(text)).toEqual([text]);
  });

  it('cuts a long sentence at a comma, keeping the comma with its clause', () => {
    const first = `The delegation included ${'executives of many firms '.repeat(9)}from Seoul,`;
    const second = `and ${'officials of several ministries '.repeat(6)}arrived on Monday.`;
    const text = `${first} ${second}`;
    expect(text.length).toBeGreaterThan(SENTENCE_TARGET_CHARS);
    expect(piecesOf(text)).toEqual([first, second]);
  });

  it('prefers a semicolon or a dash to a comma', () => {
    const text = `${'a, b '.repeat(40)}end; ${'c, d '.repeat(40)}end.`;
    const pieces = piecesOf(text);
    expect(pieces[0]!.endsWith('end;')).toBe(true);
    expectVerbatimPieces(text, pieces);
  });

  it('does not cut inside a number or between a range of years', () => {
    const text = `Trade grew from ${'1,000,000 and 2025–2026 and '.repeat(30)}more.`;
    const cuts = capSentence(text, 0, text.length);
    expect(cuts.length).toBeGreaterThan(1);
    // Every cut falls between words: whitespace follows each piece.
    for (const [, end] of cuts.slice(0, -1)) expect(text.charAt(end)).toBe(' ');
    expectVerbatimPieces(text, piecesOf(text));
  });

  it('keeps a sentence up to the maximum whole when it has no clause boundary to cut at', () => {
    const text = `${'word '.repeat(100)}end.`;
    expect(text.length).toBeGreaterThan(SENTENCE_TARGET_CHARS);
    expect(text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(piecesOf(text)).toEqual([text]);
  });

  it('cuts a longer run without punctuation between words', () => {
    const text = `${'word '.repeat(1000)}end.`;
    const pieces = piecesOf(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(piece).toMatch(/^word\b/);
    }
    expectVerbatimPieces(text, pieces);
  });

  it('as a last resort cuts a run without spaces anywhere, but not inside a character', () => {
    const text = `${'𝒜\u0301'.repeat(2000)}.`;
    const pieces = piecesOf(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(piece.startsWith('𝒜')).toBe(true);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('gives back any text as verbatim pieces of at most the maximum length', () => {
    const alphabet = fc.constantFrom('a', 'B', '7', ' ', ' ', ',', ';', ':', '—', '–', '-', '.', '“', '\u00a0', '\t', '，', '。', '😀', '\u0301');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 3000 }).map((chars) => chars.join('').trim()), (text) => {
        const pieces = piecesOf(text);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
        expectVerbatimPieces(text, pieces);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the splitter caps sentence length', () => {
  it.each([
    ['a 100,000-character sentence', longSentence(100_000)],
    ['a 50,000-character list of names', nameList(50_000)],
    ['a 20,000-character run of words', `${'word '.repeat(4000)}end.`],
  ])('cuts %s into verbatim pieces of at most the maximum length, at clause boundaries when it has them', (_name, line) => {
    const { sentences, longSentencesCut } = splitSentences(`${LEAD}\n${line}\nThe visit ends on Wednesday.`);
    expect(sentences[0]).toBe(LEAD);
    expect(sentences[sentences.length - 1]).toBe('The visit ends on Wednesday.');
    expect(longSentencesCut).toBe(1);
    const pieces = sentences.slice(1, -1);
    expect(pieces.length).toBeGreaterThan(line.length / MAX_SENTENCE_CHARS);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expectVerbatimPieces(line, pieces);
    // Where the run has commas, every piece but the last ends at one, and none passes the target length.
    if (line.includes(', ')) {
      for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/,$/);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(SENTENCE_TARGET_CHARS);
    }
  });

  it('does not take an over-long first line for a headline', () => {
    const line = `${'Lee meets Xi and '.repeat(40)}talks go on`;
    const { headline, sentences } = splitSentences(`${line}\n${LEAD}`);
    expect(headline).toBeNull();
    expect(sentences.every((s) => s.length <= MAX_SENTENCE_CHARS)).toBe(true);
  });

  it('counts the cut sentences on the article, for the moderator and the log', () => {
    const article = parseArticle({ id: 'a', file: 'a.txt', content: `${LEAD}\n${nameList(5000)}\n${longSentence(5000)}\n` });
    expect(article.longSentencesCut).toBe(2);
    expect(parseArticle({ id: 'b', file: 'b.txt', content: `${LEAD}\n` }).longSentencesCut).toBe(0);
  });
});
