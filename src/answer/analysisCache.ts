import type { SentenceAnalysis } from '../language/sentenceAnalysis.js';

/**
 * The most recently used sentence analyses, at most `capacity`: questions about the same story
 * reuse them, and memory stays bounded however large the corpus.
 */
export class AnalysisCache {
  private readonly entries = new Map<number, SentenceAnalysis>();

  constructor(private readonly capacity: number) {}

  get(ref: number): SentenceAnalysis | undefined {
    const analysis = this.entries.get(ref);
    if (analysis !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recent.
      this.entries.delete(ref);
      this.entries.set(ref, analysis);
    }
    return analysis;
  }

  set(ref: number, analysis: SentenceAnalysis): void {
    this.entries.set(ref, analysis);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
