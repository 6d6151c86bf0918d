import { constants as bufferLimits } from 'node:buffer';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { EngineDataBuffers } from '../answer/engineData.js';
import { isBotManagedName } from '../corpus/loadCorpus.js';
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
 *
 * The snapshot is only a cache, and INDEX_CACHE_DIR may name anything: its I/O never waits on
 * anything but a plain file or folder (no recursive mkdir, which spins forever under /proc; no
 * read of a FIFO, device or /proc file; no read past the size the file had when opened), and a
 * failure is thrown with the file and the reason for the caller to report (see snapshotAccess.ts).
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

/**
 * The corpus folder's fingerprint: its visible files' names, sizes and modification times, and the
 * names of its folders and hidden entries (the load names them as skipped, so a snapshot must not
 * outlive one appearing or going). The bot's own entries (`.removed/`, `.tmp-*`) are left out.
 */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  const entries = (await readdir(corpusDir, { withFileTypes: true })).filter((e) => !isBotManagedName(e.name)).map((e) => e.name).sort();
  const hash = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\n`);
  // lstat, as the loader never follows a link: a link is fingerprinted as itself. A batch of files
  // at a time: one by one, a large corpus's files take seconds to stat.
  for (let i = 0; i < entries.length; i += STAT_BATCH) {
    const batch = entries.slice(i, i + STAT_BATCH);
    const infos = await Promise.all(batch.map((name) => lstat(path.join(corpusDir, name)).catch(() => null)));
    batch.forEach((name, j) => {
      const info = infos[j];
      if (info === null || info === undefined) return;
      if (info.isDirectory()) hash.update(`${name}\td\n`);
      else if (name.startsWith('.')) hash.update(`${name}\th\n`);
      else hash.update(`${name}\t${info.size}\t${info.mtimeMs}\t${info.isFile() ? 'f' : 'o'}\n`);
    });
  }
  return hash.digest('hex');
}

function arraysOf(data: EngineDataBuffers): Record<ArrayName, ArrayBufferView> {
  return { ...data.store, ...{ postingStart: data.index.postingStart, postingDoc: data.index.postingDoc, postingCount: data.index.postingCount, docLength: data.index.docLength } };
}

/** The largest snapshot file read: as much as one Buffer can hold. */
export const MAX_SNAPSHOT_BYTES = bufferLimits.MAX_LENGTH;
/** A temporary file of an interrupted save older than this is deleted by the next save. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Why a snapshot could not be read or written, naming the file. */
export class SnapshotIoError extends Error {
  override readonly name = 'SnapshotIoError';
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Makes sure `dir` is a folder, creating it and its missing parents one level at a time. Unlike
 * mkdir's `recursive` (which loops forever on a path under /proc, where mkdir of a missing child
 * answers ENOENT although its parent exists), each level is tried once.
 * @throws SnapshotIoError when it is not a folder and cannot be made one.
 */
export async function ensureFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return null;
    throw new SnapshotIoError(`cannot use ${dir} as the snapshot folder: ${messageOf(error)}`, { cause: error });
  });
  if (info !== null) {
    if (!info.isDirectory()) throw new SnapshotIoError(`cannot use ${dir} as the snapshot folder: it is not a folder`);
    return;
  }
  const parent = path.dirname(dir);
  if (parent !== dir) await ensureFolder(parent);
  try {
    await mkdir(dir);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST' && (await stat(dir).catch(() => null))?.isDirectory() === true) return;
    throw new SnapshotIoError(`cannot create the snapshot folder ${dir}: ${messageOf(error)}`, { cause: error });
  }
}

/** Deletes temporary files that interrupted saves of `file` left behind (best effort). */
async function sweepStaleTemporaries(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  for (const name of names) {
    const info = await lstat(path.join(dir, name)).catch(() => null);
    if (info?.isFile() === true && Date.now() - info.mtimeMs > STALE_TEMPORARY_MS) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/**
 * Writes a snapshot atomically: a new temporary file (created, never opened if something has its
 * name), renamed over the old one; on any failure the temporary file is deleted.
 * @throws SnapshotIoError (or the file system's error, naming the file) when it cannot be written.
 */
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

  await ensureFolder(path.dirname(file));
  await sweepStaleTemporaries(file);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'wx');
  try {
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
    await rename(temporary, file);
  } catch (error) {
    // A half-written snapshot on a full disk would keep it full.
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Open read-only without blocking (a FIFO would otherwise wait for a writer). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of the snapshot file, or null when there is none. Only a regular file is read, and
 * only as many bytes as it had when opened (a file under /proc says 0 and is not read at all).
 * @throws SnapshotIoError when something is there but cannot be read.
 */
async function readSnapshotBytes(file: string): Promise<Buffer | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw new SnapshotIoError(`cannot read the snapshot ${file}: ${messageOf(error)}`, { cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new SnapshotIoError(`cannot read the snapshot ${file}: it is not a regular file`);
    if (info.size > MAX_SNAPSHOT_BYTES) throw new SnapshotIoError(`cannot read the snapshot ${file}: it is ${info.size} bytes, more than ${MAX_SNAPSHOT_BYTES}`);
    // Not pooled, so the typed arrays' offsets stay aligned; every byte is read over before use.
    const bytes = Buffer.allocUnsafeSlow(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof SnapshotIoError) throw error;
    throw new SnapshotIoError(`cannot read the snapshot ${file}: ${messageOf(error)}`, { cause: error });
  } finally {
    await handle.close();
  }
}

/**
 * Reads a snapshot if there is one for this fingerprint. Returns null when there is none, it is of
 * another format or another corpus state, or it is damaged: the caller then rebuilds.
 * @throws SnapshotIoError when something is at `file` but cannot be read (a folder, a FIFO, no permission…).
 */
export async function loadSnapshot(file: string, fingerprint: string): Promise<Snapshot | null> {
  const bytes = await readSnapshotBytes(file);
  if (bytes === null) return null;
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
