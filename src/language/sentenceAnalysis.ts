import { tokenize, type Token } from './tokenize.js';
import { findEntities, type Entity } from './entities.js';
import type { NameDirectory } from './nameDirectory.js';
import { findReasonSpans } from './reasonSpans.js';
import type { Span } from './spans.js';
import { findTimeSpans } from './timeSpans.js';

/** A sentence's name mention, linked to the full name it stands for. */
export interface LinkedEntity extends Entity {
  /** The full-name key the mention stands for ("lee" → "lee jae myung"). */
  canonical: string;
}

// A sentence that leans on the one before: it opens with a pronoun or a connective, or its
// speaker is a pronoun ("..., he said.").
const OPENS_WITH_REFERENCE =
  /^[\s“"‘']*(?:he|she|it|they|this|that|these|those|his|her|its|their|him|them|the two|both|such|also|but|however|meanwhile|still)\b/i;
const PRONOUN_SPEAKER = /[,”"]\s*(?:he|she|they|it)\s+(?:said|says|told|added|noted|explained|stressed|warned)\b/i;

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

  /** Index of the token that contains a character offset (or the first after it). */
  tokenAt(offset: number): number {
    const index = this.tokens.findIndex((t) => t.end > offset);
    return index === -1 ? this.tokens.length - 1 : index;
  }
}
