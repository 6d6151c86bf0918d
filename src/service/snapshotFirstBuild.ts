import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import { CorpusIndex } from '../search/corpusIndex.js';
import { buildCorpusInWorker, type BuildRequest, type BuiltCorpus } from './corpusBuild.js';
import { corpusFingerprint } from './snapshot.js';
import { readSnapshotBestEffort } from './snapshotAccess.js';

/**
 * A corpus build for a process that shares its corpus folder with others (the shards of a sharded
 * bot): when the snapshot matches the folder as it is now — another process has just indexed
 * exactly this folder, or changed it in place, and saved it — the snapshot is loaded instead of
 * indexing again; otherwise the folder is read and indexed on a worker thread (saving a new
 * snapshot), as a reload does. A snapshot that cannot be read is a reason to index, not a failure.
 */
export function snapshotFirstBuild(
  logger: Logger,
  build: (request: BuildRequest) => Promise<BuiltCorpus> = buildCorpusInWorker,
): (request: BuildRequest) => Promise<BuiltCorpus> {
  return async (request) => {
    let readProblem: string | null = null;
    if (request.snapshotFile !== null) {
      const read = await readSnapshotBestEffort(
        request.snapshotFile,
        await corpusFingerprint(request.corpusDir),
        request.snapshotTimeLimitMs,
      );
      if (read.snapshot !== null) {
        logger.info({ file: request.snapshotFile }, 'corpus index loaded from the snapshot matching the folder');
        const { fingerprint, errors, corpus } = read.snapshot;
        return { fingerprint, errors, index: await CorpusIndex.unpack(corpus, nextTurn), notes: [], fileNotes: [] };
      }
      readProblem = read.problem;
    }
    const why =
      request.snapshotFile === null ? 'snapshots are off' : readProblem === null ? 'no snapshot matches it' : 'the snapshot cannot be read';
    logger.info({ dir: request.corpusDir }, `indexing the corpus folder on a worker thread (${why})`);
    const built = await build(request);
    return readProblem === null || built.snapshotProblem !== undefined ? built : { ...built, snapshotProblem: readProblem };
  };
}
