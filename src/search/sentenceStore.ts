/**
 * The sentences of one index shard, stored outside the search index and outside the JS heap: the
 * texts as one UTF-8 buffer, and per sentence its article, position and flags in typed arrays. A
 * sentence's text is decoded when it is quoted. The buffers can be moved between threads without
 * copying and written to disk as they are (see snapshot.ts). Sentences are numbered from 0 here.
 */
export interface SentenceStoreBuffers {
  text: Uint8Array;
  /** Byte offset of each sentence's text; one more entry than sentences. */
  textStart: Uint32Array;
  /** Key of each sentence's article (see ArticleInfo.key). */
  article: Uint32Array;
  /** 1-based position of each sentence in its article. */
  position: Uint32Array;
  /** Bit 0: the sentence is its article's headline. */
  flags: Uint8Array;
}

/** A sentence as stored. */
export interface StoredSentence {
  text: string;
  articleKey: number;
  position: number;
  isHeadline: boolean;
}

const HEADLINE = 1;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class SentenceStore {
  constructor(readonly buffers: SentenceStoreBuffers) {}

  /** Stores sentences, in the order given. */
  static of(sentences: readonly StoredSentence[]): SentenceStore {
    const count = sentences.length;
    const encoded: Uint8Array[] = [];
    const textStart = new Uint32Array(count + 1);
    const article = new Uint32Array(count);
    const position = new Uint32Array(count);
    const flags = new Uint8Array(count);
    let bytes = 0;
    sentences.forEach((sentence, ref) => {
      const utf8 = encoder.encode(sentence.text);
      encoded.push(utf8);
      textStart[ref] = bytes;
      bytes += utf8.length;
      article[ref] = sentence.articleKey;
      position[ref] = sentence.position;
      flags[ref] = sentence.isHeadline ? HEADLINE : 0;
    });
    textStart[count] = bytes;
    const text = new Uint8Array(bytes);
    encoded.forEach((utf8, i) => text.set(utf8, textStart[i]!));
    return new SentenceStore({ text, textStart, article, position, flags });
  }

  get size(): number {
    return this.buffers.article.length;
  }

  text(ref: number): string {
    const { text, textStart } = this.buffers;
    return decoder.decode(text.subarray(textStart[ref]!, textStart[ref + 1]!));
  }

  articleKey(ref: number): number {
    return this.buffers.article[ref]!;
  }

  position(ref: number): number {
    return this.buffers.position[ref]!;
  }

  isHeadline(ref: number): boolean {
    return (this.buffers.flags[ref]! & HEADLINE) !== 0;
  }
}
