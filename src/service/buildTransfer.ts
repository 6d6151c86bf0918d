import type { CorpusError, CorpusNote } from '../corpus/types.js';
import { CorpusIndex, type PackedCorpus } from '../search/corpusIndex.js';

/**
 * A built corpus as the build worker posts it to the thread answering questions: each shard's
 * typed arrays and JSON bytes (MiniSearch's serialisation among them) travel as they are, moved,
 * not copied, and the receiving thread loads them a shard per turn of its event loop. Posted as
 * objects instead, all of it would be copied into the receiving thread in one block before the
 * message is even delivered.
 */
export interface PackedBuild {
  fingerprint: string;
  errors: CorpusError[];
  notes: string[];
  fileNotes: CorpusNote[];
  snapshotProblem?: string;
  corpus: PackedCorpus;
}

/** The memory of a packed corpus, to hand over to another thread without copying. */
export function transferList(corpus: PackedCorpus): ArrayBuffer[] {
  const views: ArrayBufferView[] = [corpus.suggestions];
  for (const shard of corpus.shards) views.push(...Object.values(shard.store), shard.index, shard.stats, shard.meta);
  return [...new Set(views.map((view) => view.buffer as ArrayBuffer))];
}

/** The built corpus back from its packed form, a shard per call of `nextTurn`. */
export async function unpackBuild(
  packed: PackedBuild,
  nextTurn: () => Promise<unknown>,
): Promise<Omit<PackedBuild, 'corpus'> & { index: CorpusIndex }> {
  const { corpus, ...rest } = packed;
  return { ...rest, index: await CorpusIndex.unpack(corpus, nextTurn) };
}
