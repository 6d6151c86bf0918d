/**
 * Corpus-wide statistics the ranking needs beside the MiniSearch index: in how many sentences each
 * term occurs (document frequency) and how many sentences there are. MiniSearch keeps its own
 * statistics inside each index (for its BM25 score), but not behind its public API; these are
 * derived from the same terms, counted once per sentence, and kept in step as sentences come and go.
 */
export class TermStats {
  private readonly counts = new Map<string, number>();
  private documents = 0;

  /** Number of sentences counted. */
  get documentCount(): number {
    return this.documents;
  }

  /** Number of distinct terms. */
  get termCount(): number {
    return this.counts.size;
  }

  /** In how many sentences the term occurs. */
  frequency(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  /** BM25's inverse document frequency: rare terms weigh more; a term the corpus lacks weighs most. */
  idf(term: string): number {
    const n = this.frequency(term);
    return Math.log(1 + (this.documents - n + 0.5) / (n + 0.5));
  }

  /**
   * Counts one sentence's distinct terms. Returns the terms new to the corpus (to tell the
   * vocabulary).
   */
  addSentence(terms: Iterable<string>): string[] {
    this.documents++;
    const added: string[] = [];
    for (const term of terms) {
      const n = this.counts.get(term) ?? 0;
      if (n === 0) added.push(term);
      this.counts.set(term, n + 1);
    }
    return added;
  }

  /** Uncounts one sentence's distinct terms. Returns the terms no sentence has any more. */
  removeSentence(terms: Iterable<string>): string[] {
    this.documents = Math.max(0, this.documents - 1);
    const gone: string[] = [];
    for (const term of terms) {
      const n = (this.counts.get(term) ?? 0) - 1;
      if (n > 0) this.counts.set(term, n);
      else if (this.counts.delete(term)) gone.push(term);
    }
    return gone;
  }

  /** Adds counts kept elsewhere (a shard's, see IndexShard). Returns the terms new to the corpus. */
  merge(entries: Iterable<readonly [string, number]>, documents: number): string[] {
    this.documents += documents;
    const added: string[] = [];
    for (const [term, count] of entries) {
      const n = this.counts.get(term) ?? 0;
      if (n === 0) added.push(term);
      this.counts.set(term, n + count);
    }
    return added;
  }

  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }

  terms(): IterableIterator<string> {
    return this.counts.keys();
  }
}
