import type { SentenceAnalysis } from '../language/sentenceAnalysis.js';
import type { RankedSentence } from './rank.js';

/**
 * The same fact told by two articles is shown once, citing both: a ranked sentence whose content
 * words are (nearly) all in a better-ranked sentence of another article joins that one.
 */

/** Share of the shorter sentence's content words that must appear in the other. */
const SAME_FACT_OVERLAP = 0.8;

export interface MergedSentence {
  ranked: RankedSentence;
  /** Other sentences (by index number) that say the same. */
  alsoIn: number[];
}

interface Source {
  analysis(ref: number): SentenceAnalysis;
  articleOf(ref: number): { id: string };
}

export function mergeSameFacts(source: Source, ranked: readonly RankedSentence[]): MergedSentence[] {
  const merged: (MergedSentence & { words: Set<string>; articleId: string })[] = [];
  for (const r of ranked) {
    const words = contentWords(source.analysis(r.ref));
    const articleId = source.articleOf(r.ref).id;
    const same = merged.find((m) => m.articleId !== articleId && overlap(m.words, words) >= SAME_FACT_OVERLAP);
    if (same !== undefined) same.alsoIn.push(r.ref);
    else merged.push({ ranked: r, alsoIn: [], words, articleId });
  }
  return merged.map(({ ranked: r, alsoIn }) => ({ ranked: r, alsoIn }));
}

function contentWords(analysis: SentenceAnalysis): Set<string> {
  return new Set(analysis.tokens.filter((t) => !t.isStopWord).map((t) => t.stems[0]!));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}
