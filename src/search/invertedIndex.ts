/**
 * A compact inverted index over sentences, scored with BM25: the vocabulary is a sorted array of
 * terms (binary search for a term or a prefix), and each term's postings (which sentences contain
 * it, how often) are slices of two typed arrays. Built in one pass, it takes a fraction of the
 * memory of a tree of maps, and its buffers can be moved between threads or saved to disk as they are.
 */

export interface InvertedIndexBuffers {
  /** The vocabulary, sorted, joined with "\n". */
  terms: string;
  /** Where each term's postings start; one more entry than terms. */
  postingStart: Uint32Array;
  /** Sentence of each posting, ascending within a term. */
  postingDoc: Uint32Array;
  /** How often the term occurs in that sentence (capped at 255). */
  postingCount: Uint8Array;
  /** Number of indexed terms of each sentence (capped at 65535). */
  docLength: Uint16Array;
}

/** A query term resolved to the index: which term, how much it counts. */
export interface ScoredTerm {
  termId: number;
  weight: number;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

// BM25+ parameters (the same as MiniSearch's defaults).
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

export class InvertedIndex {
  readonly terms: readonly string[];
  private readonly avgDocLength: number;
  private scratch: Float64Array | undefined;

  constructor(readonly buffers: InvertedIndexBuffers) {
    this.terms = buffers.terms.length === 0 ? [] : buffers.terms.split('\n');
    let total = 0;
    for (const length of buffers.docLength) total += length;
    this.avgDocLength = buffers.docLength.length === 0 ? 1 : Math.max(1, total / buffers.docLength.length);
  }

  get documentCount(): number {
    return this.buffers.docLength.length;
  }

  /** The id of a term, or -1 when the corpus does not have it. */
  termId(term: string): number {
    const i = this.lowerBound(term);
    return this.terms[i] === term ? i : -1;
  }

  /** Ids of the terms that start with a prefix (the prefix itself included when it is a term). */
  termsWithPrefix(prefix: string, max: number): number[] {
    const ids: number[] = [];
    for (let i = this.lowerBound(prefix); i < this.terms.length && ids.length < max && this.terms[i]!.startsWith(prefix); i++) ids.push(i);
    return ids;
  }

  /** In how many sentences a term occurs. */
  frequency(termId: number): number {
    if (termId < 0) return 0;
    const { postingStart } = this.buffers;
    return postingStart[termId + 1]! - postingStart[termId]!;
  }

  /** BM25's inverse document frequency: rare terms weigh more; a term the corpus lacks weighs most. */
  idf(termId: number): number {
    const n = this.frequency(termId);
    return Math.log(1 + (this.documentCount - n + 0.5) / (n + 0.5));
  }

  /** The sentences containing any of the terms, best BM25 score first, at most `limit`. */
  search(terms: readonly ScoredTerm[], limit: number): ScoredDoc[] {
    const n = this.documentCount;
    if (n === 0 || terms.length === 0 || limit <= 0) return [];
    const scores = (this.scratch ??= new Float64Array(n));
    const touched: number[] = [];
    const { postingStart, postingDoc, postingCount, docLength } = this.buffers;
    for (const { termId, weight } of terms) {
      const idf = this.idf(termId);
      for (let p = postingStart[termId]!, end = postingStart[termId + 1]!; p < end; p++) {
        const doc = postingDoc[p]!;
        const tf = postingCount[p]!;
        const norm = tf + K1 * (1 - B + (B * docLength[doc]!) / this.avgDocLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += weight * idf * ((tf * (K1 + 1)) / norm + DELTA);
      }
    }
    const best = topK(touched, scores, limit);
    for (const doc of touched) scores[doc] = 0;
    return best;
  }

  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The `k` best-scored documents, best first (ties: lower id first), with a bounded min-heap. */
function topK(docs: readonly number[], scores: Float64Array, k: number): ScoredDoc[] {
  const heap: ScoredDoc[] = [];
  const worse = (a: ScoredDoc, b: ScoredDoc) => a.score < b.score || (a.score === b.score && a.doc > b.doc);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const doc of docs) {
    const entry = { doc, score: scores[doc]! };
    if (heap.length < k) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >>> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(heap[0]!, entry)) {
      heap[0] = entry;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** Builds an index from each document's terms, in one pass over the documents. */
export class InvertedIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly vocabulary: string[] = [];
  private docTerms = new Uint32Array(1 << 16);
  private termCount = 0;
  private readonly docStart: number[] = [0];

  /** Adds the next document (its terms in any order, repeats counted). */
  add(terms: readonly string[]): void {
    if (this.termCount + terms.length > this.docTerms.length) {
      const grown = new Uint32Array(Math.max(this.docTerms.length * 2, this.termCount + terms.length));
      grown.set(this.docTerms.subarray(0, this.termCount));
      this.docTerms = grown;
    }
    for (const term of terms) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.vocabulary.length;
        this.ids.set(term, id);
        this.vocabulary.push(term);
      }
      this.docTerms[this.termCount++] = id;
    }
    this.docStart.push(this.termCount);
  }

  build(): InvertedIndex {
    const docs = this.docStart.length - 1;
    // Sort the vocabulary; remap ids to their sorted rank.
    const order = this.vocabulary.map((_, i) => i).sort((a, b) => (this.vocabulary[a]! < this.vocabulary[b]! ? -1 : 1));
    const rank = new Uint32Array(order.length);
    order.forEach((oldId, newId) => (rank[oldId] = newId));
    const docLength = new Uint16Array(docs);
    const df = new Uint32Array(order.length + 1);
    const perDoc = (doc: number, visit: (termId: number, count: number) => void) => {
      const start = this.docStart[doc]!;
      const end = this.docStart[doc + 1]!;
      const termIds = Array.from(this.docTerms.subarray(start, end), (id) => rank[id]!).sort((a, b) => a - b);
      for (let i = 0; i < termIds.length; ) {
        let j = i + 1;
        while (j < termIds.length && termIds[j] === termIds[i]) j++;
        visit(termIds[i]!, j - i);
        i = j;
      }
    };
    for (let doc = 0; doc < docs; doc++) {
      docLength[doc] = Math.min(65535, this.docStart[doc + 1]! - this.docStart[doc]!);
      perDoc(doc, (termId) => df[termId + 1]!++);
    }
    const postingStart = new Uint32Array(order.length + 1);
    for (let t = 0; t < order.length; t++) postingStart[t + 1] = postingStart[t]! + df[t + 1]!;
    const total = postingStart[order.length]!;
    const postingDoc = new Uint32Array(total);
    const postingCount = new Uint8Array(total);
    const next = postingStart.slice(0, order.length);
    for (let doc = 0; doc < docs; doc++) {
      perDoc(doc, (termId, count) => {
        const p = next[termId]!++;
        postingDoc[p] = doc;
        postingCount[p] = Math.min(255, count);
      });
    }
    const terms = order.map((oldId) => this.vocabulary[oldId]!).join('\n');
    return new InvertedIndex({ terms, postingStart, postingDoc, postingCount, docLength });
  }
}
