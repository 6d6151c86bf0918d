import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isBotManagedName } from '../corpus/loadCorpus.js';
import type { CorpusError } from '../corpus/types.js';
import type { CorpusIndex, PackedCorpus, PackedCorpusShard } from '../search/corpusIndex.js';

/**
 * The saved index: everything a corpus index is made of, loaded without reading the articles or
 * indexing anything, and saved again after a moderator's change by rewriting only what changed.
 * It records the corpus folder's fingerprint — the name, size and modification time of every file
 * in it — and is used only while that fingerprint still holds: a changed corpus is never answered
 * from a stale snapshot.
 *
 * Layout: a folder holding `manifest.json` (the fingerprint, the files refused, the suggestions,
 * and the shard files in order) and one file per index shard: "VQASHD" magic, format version
 * (u32), header length (u32), header (JSON: where each part is), then each part's bytes at a
 * 4-byte-aligned offset: the sentence store's typed arrays, MiniSearch's JSON, the shard's term
 * counts and its articles. A shard file never changes once written: an article added in place is
 * a shard (and file) of its own, and one removed in place is listed in the manifest beside its
 * shard's file, to leave the shard as it is loaded. Files are written under new names and the
 * manifest is replaced last (renamed into place), so a crash leaves the old snapshot whole or a
 * stale one, never a mixture.
 *
 * The snapshot is only a cache, and INDEX_CACHE_DIR may name anything: its I/O never waits on
 * anything but a plain file or folder (no recursive mkdir, which spins forever under /proc; no
 * read of a FIFO, device or /proc file; no read past the size the file had when opened), and a
 * failure is thrown with the file and the reason for the caller to report (see snapshotAccess.ts).
 */

/**
 * Bump when the layout or anything that decides index terms (tokenizing, stemming) or the
 * sentences themselves (splitting) changes, or the names and suggestions saved with them. 6:
 * MiniSearch shards. 7: irregular verbs stemmed as wordnetMorphy.ts lists them. 8: the word after a
 * dateline is a sentence's first word, not a name.
 */
export const SNAPSHOT_FORMAT = 8;
const MAGIC = 'VQASHD';
const MANIFEST = 'manifest.json';
/** A snapshot file larger than this is not read (it is not one of ours). */
const MAX_SHARD_FILE_BYTES = 1 << 30;
const MAX_MANIFEST_BYTES = 64 << 20;
/**
 * Files of the folder no manifest names are deleted once this old (a process sharing the folder may
 * be writing them). A save's time limit holds per file, so a large save may write for many minutes
 * before its manifest lists its first files: an hour leaves them alone that long.
 */
const STALE_FILE_MS = 60 * 60_000;

interface Manifest {
  format: number;
  fingerprint: string;
  errors: CorpusError[];
  /** The corpus index the shards come from (see CorpusIndex.generation). */
  generation: string;
  /** Each shard's file, and the keys of the articles removed from the shard since (they leave it on loading). */
  shards: Array<{ base: number; file: string; removed: number[] }>;
  suggestions: string;
}

export interface Snapshot {
  fingerprint: string;
  errors: CorpusError[];
  corpus: PackedCorpus;
}

/**
 * Bounds one file's read or write (see snapshotAccess.ts): a large snapshot is many files, and each
 * gets the whole limit, so that its size alone never makes the bot give up on it.
 */
export type FileStep = <T>(work: Promise<T>, what: string) => Promise<T>;

const unbounded: FileStep = (work) => work;

/** What a snapshot is saved from: a live corpus index, or one packed (by the build worker). */
export interface SnapshotSource {
  generation: string;
  shards(): Array<{ base: number; removed: readonly number[]; pack: () => PackedCorpusShard }>;
  suggestions(): Uint8Array;
}

export function snapshotOfIndex(corpus: CorpusIndex): SnapshotSource {
  return {
    generation: corpus.generation,
    shards: () => corpus.shardRemovals().map(({ shard, removed }) => ({ base: shard.base, removed, pack: () => corpus.packShard(shard) })),
    suggestions: () => corpus.packSuggestions(),
  };
}

export function snapshotOfPacked(corpus: PackedCorpus): SnapshotSource {
  return {
    generation: corpus.generation,
    shards: () => corpus.shards.map((shard) => ({ base: shard.base, removed: shard.removed ?? [], pack: () => shard })),
    suggestions: () => corpus.suggestions,
  };
}

/** Where the snapshot of a corpus folder lives inside the cache folder. */
export function snapshotPathFor(cacheDir: string, corpusDir: string): string {
  const key = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `index-${key}`);
}

const STAT_BATCH = 256;

/**
 * The corpus folder's fingerprint: its visible files' names, sizes and modification times, and the
 * names of its folders and hidden entries (the load names them as skipped, so a snapshot must not
 * outlive one appearing or going). The bot's own entries (`.removed/`, `.tmp-*`) are left out.
 */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  const entries = (await readdir(corpusDir, { withFileTypes: true }))
    .filter((e) => !isBotManagedName(e.name))
    .map((e) => e.name)
    .sort();
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

type PartName = 'text' | 'textStart' | 'article' | 'position' | 'flags' | 'index' | 'stats' | 'meta';
type Layout = Record<PartName, { offset: number; length: number }>;

function partsOf(shard: PackedCorpusShard): Record<PartName, ArrayBufferView> {
  return { ...shard.store, index: shard.index, stats: shard.stats, meta: shard.meta };
}

/**
 * Saves a corpus index into the snapshot folder: the shard files the folder does not have yet for
 * this index (all of them after a build; the changed ones after an in-place change), then the
 * manifest. One shard is packed per turn of `nextTurn`, so a thread answering questions is held
 * for one shard's serialisation at most. Each file's write goes through `step` (its time limit).
 * @throws Error naming the folder when it cannot be written.
 */
export async function saveSnapshot(
  dir: string,
  state: { fingerprint: string; errors: CorpusError[]; corpus: SnapshotSource },
  nextTurn: () => Promise<unknown>,
  step: FileStep = unbounded,
): Promise<void> {
  const previous = await step(
    ensureFolder(dir).then(() => readManifest(dir).catch(() => null)),
    `reading the snapshot folder ${dir}`,
  );
  const reusable = new Map<number, string>();
  if (previous !== null && previous.generation === state.corpus.generation) {
    for (const entry of previous.shards) reusable.set(entry.base, entry.file);
  }
  const shards: Manifest['shards'] = [];
  for (const { base, removed, pack } of state.corpus.shards()) {
    // A shard's file never changes: articles removed from the shard since are listed beside it.
    const existing = reusable.get(base);
    if (existing !== undefined && (await step(isRegularFile(path.join(dir, existing)), `reading the snapshot folder ${dir}`))) {
      shards.push({ base, file: existing, removed: [...removed] });
      continue;
    }
    await nextTurn();
    const file = `shard-${base}-${randomBytes(4).toString('hex')}.bin`;
    const target = path.join(dir, file);
    await step(writeAtomically(target, shardFileParts(pack())), `writing the snapshot file ${target}`);
    shards.push({ base, file, removed: [...removed] });
  }
  await nextTurn();
  const manifest: Manifest = {
    format: SNAPSHOT_FORMAT,
    fingerprint: state.fingerprint,
    errors: state.errors,
    generation: state.corpus.generation,
    shards,
    suggestions: new TextDecoder().decode(state.corpus.suggestions()),
  };
  const manifestFile = path.join(dir, MANIFEST);
  await step(writeAtomically(manifestFile, [Buffer.from(JSON.stringify(manifest), 'utf8')]), `writing the snapshot file ${manifestFile}`);
  await step(removeUnlisted(dir, new Set(shards.map((s) => s.file))), `cleaning the snapshot folder ${dir}`);
}

/**
 * Reads the snapshot if there is one for this fingerprint. Returns null when there is none, it is
 * of another format or another corpus state, or it is damaged: the caller then rebuilds.
 */
export async function loadSnapshot(dir: string, fingerprint: string, step: FileStep = unbounded): Promise<Snapshot | null> {
  const manifest = await step(readManifest(dir), `reading the snapshot ${dir}`);
  if (manifest === null || manifest.fingerprint !== fingerprint) return null;
  const shards: PackedCorpusShard[] = [];
  for (const entry of manifest.shards) {
    const file = path.join(dir, entry.file);
    const shard = await step(readShardFile(file, entry.base), `reading the snapshot file ${file}`);
    if (shard === null) return null;
    shards.push({ ...shard, removed: Array.isArray(entry.removed) ? entry.removed : [] });
  }
  return {
    fingerprint,
    errors: manifest.errors,
    corpus: { generation: manifest.generation, shards, suggestions: new TextEncoder().encode(manifest.suggestions) },
  };
}

/** The manifest, or null when there is none (or it is not one of ours). @throws SnapshotIoError when it cannot be read. */
async function readManifest(dir: string): Promise<Manifest | null> {
  const info = await stat(dir).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return null;
    throw new SnapshotIoError(`cannot use ${dir} as the snapshot folder: ${messageOf(error)}`, { cause: error });
  });
  if (info === null) return null;
  if (!info.isDirectory()) throw new SnapshotIoError(`cannot use ${dir} as the snapshot folder: it is not a folder`);
  const bytes = await readBounded(path.join(dir, MANIFEST), MAX_MANIFEST_BYTES);
  if (bytes === null) return null;
  try {
    const manifest = JSON.parse(bytes.toString('utf8')) as Partial<Manifest>;
    if (manifest.format !== SNAPSHOT_FORMAT || typeof manifest.fingerprint !== 'string' || !Array.isArray(manifest.shards)) return null;
    return manifest as Manifest;
  } catch {
    return null;
  }
}

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

/** Open read-only without blocking (a FIFO would otherwise wait for a writer). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A regular file's bytes, or null when there is none. Only a regular file is read, and only as
 * many bytes as it had when opened (a file under /proc says 0 and is not read at all).
 * @throws SnapshotIoError when something is there but cannot be read, or is over `max` bytes.
 */
async function readBounded(file: string, max: number): Promise<Buffer | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw new SnapshotIoError(`cannot read the snapshot file ${file}: ${messageOf(error)}`, { cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new SnapshotIoError(`cannot read the snapshot file ${file}: it is not a regular file`);
    if (info.size > max) throw new SnapshotIoError(`cannot read the snapshot file ${file}: it is ${info.size} bytes, more than ${max}`);
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
    throw new SnapshotIoError(`cannot read the snapshot file ${file}: ${messageOf(error)}`, { cause: error });
  } finally {
    await handle.close();
  }
}

async function isRegularFile(file: string): Promise<boolean> {
  return lstat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

function shardFileParts(shard: PackedCorpusShard): Uint8Array[] {
  const parts = partsOf(shard);
  const layout = {} as Layout;
  let offset = 0;
  for (const [name, part] of Object.entries(parts) as Array<[PartName, ArrayBufferView]>) {
    layout[name] = { offset, length: part.byteLength };
    offset = align(offset + part.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ base: shard.base, layout }), 'utf8');
  const preamble = Buffer.alloc(align(MAGIC.length + 8 + header.length));
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(SNAPSHOT_FORMAT, MAGIC.length);
  preamble.writeUInt32LE(header.length, MAGIC.length + 4);
  header.copy(preamble, MAGIC.length + 8);
  const buffers: Uint8Array[] = [preamble];
  for (const part of Object.values(parts)) {
    buffers.push(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    const pad = align(part.byteLength) - part.byteLength;
    if (pad > 0) buffers.push(Buffer.alloc(pad));
  }
  return buffers;
}

async function readShardFile(file: string, base: number): Promise<PackedCorpusShard | null> {
  const bytes = await readBounded(file, MAX_SHARD_FILE_BYTES).catch(() => null);
  if (bytes === null || bytes.length < MAGIC.length + 8 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  if (bytes.readUInt32LE(MAGIC.length) !== SNAPSHOT_FORMAT) return null;
  const headerLength = bytes.readUInt32LE(MAGIC.length + 4);
  try {
    const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 8, MAGIC.length + 8 + headerLength)) as {
      base: number;
      layout: Layout;
    };
    if (header.base !== base) return null;
    const start = align(MAGIC.length + 8 + headerLength);
    // Typed arrays need aligned offsets; a pooled small Buffer may not give one, so copy then.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
    const view = <T>(name: PartName, make: (buffer: ArrayBuffer, offset: number, length: number) => T, size: number): T => {
      const { offset, length } = header.layout[name];
      if (start + offset + length > aligned.length || length % size !== 0) throw new Error(`snapshot file ${file} is truncated`);
      return make(aligned.buffer as ArrayBuffer, aligned.byteOffset + start + offset, length / size);
    };
    const bytesOf = (name: PartName) => view(name, (b, o, l) => new Uint8Array(b, o, l), 1);
    return {
      base,
      store: {
        text: bytesOf('text'),
        textStart: view('textStart', (b, o, l) => new Uint32Array(b, o, l), 4),
        article: view('article', (b, o, l) => new Uint32Array(b, o, l), 4),
        position: view('position', (b, o, l) => new Uint32Array(b, o, l), 4),
        flags: bytesOf('flags'),
      },
      index: bytesOf('index'),
      stats: bytesOf('stats'),
      meta: bytesOf('meta'),
    };
  } catch {
    return null;
  }
}

/** Writes a file through a temporary one renamed into place, synced first. */
async function writeAtomically(file: string, parts: readonly Uint8Array[]): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // Created, never opened if something has its name.
  const handle = await open(temporary, 'wx');
  try {
    for (const part of parts) await handle.write(part);
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    // A half-written file on a full disk would keep it full.
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Deletes the folder's shard and temporary files that the manifest does not name, once they are a
 * minute old (another process sharing the folder may be writing them), so that neither replaced
 * shards nor the temporary files of interrupted saves pile up.
 */
async function removeUnlisted(dir: string, listed: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (name === MANIFEST || listed.has(name) || !(name.startsWith('shard-') || name.endsWith('.tmp'))) continue;
    const file = path.join(dir, name);
    const info = await lstat(file).catch(() => null);
    if (info === null || !info.isFile() || now - info.mtimeMs < STALE_FILE_MS) continue;
    await unlink(file).catch(() => undefined);
  }
}

function align(n: number): number {
  return (n + 3) & ~3;
}
