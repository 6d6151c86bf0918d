import { tokenize, type Token } from './tokenize.js';
import { findEntities, type Entity } from './entities.js';
import type { NameDirectory } from './nameDirectory.js';
import { findReasonSpans } from './reasonSpans.js';
import type { Span } from './spans.js';
import { findTimeSpans } from './timeSpans.js';
import { SPEAKER_VERBS, wordsPattern } from './wordLists.js';

/** A sentence's name mention, linked to the full name it stands for. */
export interface LinkedEntity extends Entity {
  /** The full-name key the mention stands for ("lee" → "lee jae myung"). */
  canonical: string;
}

// A sentence that leans on the one before: it opens with a pronoun or a connective, or its
// speaker is a pronoun ("..., he said.").
const OPENS_WITH_REFERENCE =
  /^[\s“"‘']*(?:he|she|it|they|this|that|these|those|his|her|its|their|him|them|the two|both|such|also|but|however|meanwhile|still)\b/i;
const PRONOUN_SPEAKER = new RegExp(`[,”"]\\s*(?:he|she|they|it)\\s+(?:${wordsPattern(SPEAKER_VERBS)})\\b`, 'i');

/** Whether a sentence cannot be understood without the one before it ("He also ...", "..., he said."). */
export function leansOnPrevious(text: string): boolean {
  return OPENS_WITH_REFERENCE.test(text) || PRONOUN_SPEAKER.test(text);
}

/**
 * Everything the answer logic needs to know about one sentence, computed once and cached: its
 * tokens, its names, and (on first use) its time expressions and reasons.
 */
export class SentenceAnalysis {
  readonly tokens: Token[];
  readonly entities: LinkedEntity[];
  readonly needsContext: boolean;
  private timeSpans: Span[] | undefined;
  private reasonSpans: Span[] | undefined;
  private boundaryCounts: Uint32Array | undefined;

  constructor(
    readonly text: string,
    names: NameDirectory,
    private readonly reference: Date | undefined,
  ) {
    this.tokens = tokenize(text);
    this.entities = findEntities(text, this.tokens, names.knownPeople).map((entity) => ({
      ...entity,
      canonical: entity.type === 'person' ? names.canonical(entity.key) : entity.key,
    }));
    this.needsContext = leansOnPrevious(text);
  }

  get times(): Span[] {
    this.timeSpans ??= findTimeSpans(this.text, this.reference);
    return this.timeSpans;
  }

  get reasons(): Span[] {
    this.reasonSpans ??= findReasonSpans(this.text);
    return this.reasonSpans;
  }

  /** Index of the token that contains a character offset (or the first after it; the last token when none is). */
  tokenAt(offset: number): number {
    // The first token ending after `offset`: tokens are in text order, so a binary search finds it.
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.tokens[middle]!.end > offset) high = middle;
      else low = middle + 1;
    }
    return low === this.tokens.length ? this.tokens.length - 1 : low;
  }

  /**
   * How many clause boundaries (a comma, semicolon, colon, bracket or quotation mark, or the end of
   * a sentence) stand between token `a` and token `b` (a < b): counted once per sentence, so that
   * each question asks it in constant time however long the sentence.
   */
  clauseBoundariesBetween(a: number, b: number): number {
    this.boundaryCounts ??= countClauseBoundaries(this.text, this.tokens);
    return this.boundaryCounts[b]! - this.boundaryCounts[a]!;
  }
}

const CLAUSE_BOUNDARY = /[,;:()“”"]|[.!?]\s/;

/** For each token, how many of the gaps between the tokens before it hold a clause boundary. */
function countClauseBoundaries(text: string, tokens: readonly Token[]): Uint32Array {
  const counts = new Uint32Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) {
    counts[i] = counts[i - 1]! + (CLAUSE_BOUNDARY.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start)) ? 1 : 0);
  }
  return counts;
}
