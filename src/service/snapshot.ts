import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { EngineDataBuffers } from '../answer/engineData.js';
import type { CorpusError } from '../corpus/types.js';

/**
 * The saved index: everything an engine is made of, in one file that loads without parsing the
 * corpus or rebuilding anything (the typed arrays are read as they are). It records the corpus's
 * fingerprint — the name, size and modification time of every file in the corpus folder — and is
 * used only while that fingerprint still holds: a changed corpus is never answered from a stale
 * snapshot.
 *
 * Layout: "VQAIDX" magic, format version (u32), header length (u32), header (JSON), then each
 * array's bytes at a 4-byte-aligned offset given in the header.
 */

/**
 * Bump when the file layout or anything that decides index terms (tokenizing, stemming) or the
 * sentences themselves (splitting: 5 cuts over-long sentences) changes.
 */
export const SNAPSHOT_FORMAT = 5;
const MAGIC = 'VQAIDX';

export interface Snapshot {
  fingerprint: string;
  errors: CorpusError[];
  data: EngineDataBuffers;
}

type ArrayName = 'text' | 'textStart' | 'article' | 'position' | 'flags' | 'postingStart' | 'postingDoc' | 'postingCount' | 'docLength';
type Layout = Record<ArrayName, { offset: number; length: number }>;

interface Header {
  fingerprint: string;
  errors: CorpusError[];
  articles: EngineDataBuffers['articles'];
  people: EngineDataBuffers['people'];
  suggestions: EngineDataBuffers['suggestions'];
  terms: string;
  layout: Layout;
}

/** Where the snapshot of a corpus folder lives inside the cache folder. */
export function snapshotPathFor(cacheDir: string, corpusDir: string): string {
  const key = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `index-${key}.bin`);
}

const STAT_BATCH = 256;

/** The corpus folder's fingerprint: its visible files' names, sizes and modification times. */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  const entries = (await readdir(corpusDir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).map((e) => e.name).sort();
  const hash = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\n`);
  // lstat, as the loader never follows a link: a link is fingerprinted as itself. A batch of files
  // at a time: one by one, a large corpus's files take seconds to stat.
  for (let i = 0; i < entries.length; i += STAT_BATCH) {
    const batch = entries.slice(i, i + STAT_BATCH);
    const infos = await Promise.all(batch.map((name) => lstat(path.join(corpusDir, name)).catch(() => null)));
    batch.forEach((name, j) => {
      const info = infos[j];
      if (info !== null && info !== undefined && !info.isDirectory()) hash.update(`${name}\t${info.size}\t${info.mtimeMs}\t${info.isFile() ? 'f' : 'o'}\n`);
    });
  }
  return hash.digest('hex');
}

function arraysOf(data: EngineDataBuffers): Record<ArrayName, ArrayBufferView> {
  return { ...data.store, ...{ postingStart: data.index.postingStart, postingDoc: data.index.postingDoc, postingCount: data.index.postingCount, docLength: data.index.docLength } };
}

/** Writes a snapshot atomically (a temporary file renamed over the old one). */
export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const arrays = arraysOf(snapshot.data);
  const layout = {} as Layout;
  let offset = 0;
  for (const [name, array] of Object.entries(arrays) as Array<[ArrayName, ArrayBufferView]>) {
    layout[name] = { offset, length: array.byteLength };
    offset = align(offset + array.byteLength);
  }
  const header: Header = {
    fingerprint: snapshot.fingerprint,
    errors: snapshot.errors,
    articles: snapshot.data.articles,
    people: snapshot.data.people,
    suggestions: snapshot.data.suggestions,
    terms: snapshot.data.index.terms,
    layout,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.alloc(align(MAGIC.length + 8 + headerBytes.length));
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(SNAPSHOT_FORMAT, MAGIC.length);
  preamble.writeUInt32LE(headerBytes.length, MAGIC.length + 4);
  headerBytes.copy(preamble, MAGIC.length + 8);

  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.write(preamble);
    const padding = Buffer.alloc(4);
    for (const array of Object.values(arrays)) {
      await handle.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      const pad = align(array.byteLength) - array.byteLength;
      if (pad > 0) await handle.write(padding.subarray(0, pad));
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file).catch(async (error: unknown) => {
    await unlink(temporary).catch(() => undefined);
    throw error;
  });
}

/**
 * Reads a snapshot if there is one for this fingerprint. Returns null when there is none, it is of
 * another format or another corpus state, or it is damaged: the caller then rebuilds.
 */
export async function loadSnapshot(file: string, fingerprint: string): Promise<Snapshot | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  if (bytes.length < MAGIC.length + 8 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  if (bytes.readUInt32LE(MAGIC.length) !== SNAPSHOT_FORMAT) return null;
  const headerLength = bytes.readUInt32LE(MAGIC.length + 4);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 8, MAGIC.length + 8 + headerLength)) as Header;
  } catch {
    return null;
  }
  if (header.fingerprint !== fingerprint) return null;
  const base = align(MAGIC.length + 8 + headerLength);
  // Typed arrays need aligned offsets; a pooled small Buffer may not give one, so copy then.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const view = <T>(name: ArrayName, make: (buffer: ArrayBuffer, offset: number, length: number) => T, size: number): T => {
    const { offset, length } = header.layout[name];
    if (base + offset + length > aligned.length) throw new Error(`snapshot ${file} is truncated`);
    return make(aligned.buffer as ArrayBuffer, aligned.byteOffset + base + offset, length / size);
  };
  try {
    return {
      fingerprint: header.fingerprint,
      errors: header.errors,
      data: {
        articles: header.articles,
        people: header.people,
        suggestions: header.suggestions,
        store: {
          text: view('text', (b, o, l) => new Uint8Array(b, o, l), 1),
          textStart: view('textStart', (b, o, l) => new Uint32Array(b, o, l), 4),
          article: view('article', (b, o, l) => new Uint32Array(b, o, l), 4),
          position: view('position', (b, o, l) => new Uint32Array(b, o, l), 4),
          flags: view('flags', (b, o, l) => new Uint8Array(b, o, l), 1),
        },
        index: {
          terms: header.terms,
          postingStart: view('postingStart', (b, o, l) => new Uint32Array(b, o, l), 4),
          postingDoc: view('postingDoc', (b, o, l) => new Uint32Array(b, o, l), 4),
          postingCount: view('postingCount', (b, o, l) => new Uint8Array(b, o, l), 1),
          docLength: view('docLength', (b, o, l) => new Uint16Array(b, o, l), 2),
        },
      },
    };
  } catch {
    return null;
  }
}

function align(n: number): number {
  return (n + 3) & ~3;
}
