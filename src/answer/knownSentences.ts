import { indexTerms, tokenize } from '../language/tokenize.js';
import type { AnswerEngine } from './engine.js';

/** How much of a new article the corpus already has, word for word. */
export interface SentenceOverlap {
  /** Sentences of the new article looked up (at most `sample`). */
  checked: number;
  /** Of those, how many the corpus already has, word for word. */
  found: number;
  /** The articles that have them, the one with most of them first. */
  articles: Array<{ id: string; title: string | null; sentences: number }>;
}

/** Sentences looked up per article: enough to tell a copy, cheap at any corpus size. */
const SAMPLE = 20;
/** Candidates the index is asked for per sentence (the sentence itself ranks first when present). */
const CANDIDATES = 5;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Which of a new article's sentences the corpus already has, word for word: the same article
 * syndicated by two publishers, or a link added twice. Each sentence is looked up by its own
 * words in the index, and only an identical sentence counts.
 */
export function knownSentences(engine: AnswerEngine, sentences: readonly string[], sample = SAMPLE): SentenceOverlap {
  const checked = sentences.slice(0, sample);
  const byArticle = new Map<string, { id: string; title: string | null; sentences: number }>();
  let found = 0;
  for (const sentence of checked) {
    // Every word of the sentence must be there (MiniSearch's AND of one-term groups).
    const groups = [...new Set(indexTerms(tokenize(sentence)))].map((term) => [{ term, weight: 1 }]);
    if (groups.length === 0) continue;
    const wanted = collapse(sentence);
    const match = engine.index.candidates(groups, CANDIDATES).find((c) => collapse(engine.sentenceText(c.ref)) === wanted);
    if (match === undefined) continue;
    found++;
    const article = engine.articleOf(match.ref);
    const entry = byArticle.get(article.id) ?? { id: article.id, title: article.meta.title ?? article.headline, sentences: 0 };
    entry.sentences++;
    byArticle.set(article.id, entry);
  }
  return { checked: checked.length, found, articles: [...byArticle.values()].sort((a, b) => b.sentences - a.sentences) };
}
