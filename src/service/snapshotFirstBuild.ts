import type { Logger } from '../logger.js';
import { buildCorpusInWorker, type BuildRequest, type BuiltCorpus } from './corpusBuild.js';
import { corpusFingerprint, loadSnapshot } from './snapshot.js';

/**
 * A corpus build for a process that shares its corpus folder with others (the shards of a sharded
 * bot): when the snapshot matches the folder as it is now — another process has just indexed
 * exactly this folder and saved it — the snapshot is loaded instead of indexing again; otherwise
 * the folder is read and indexed on a worker thread (saving a new snapshot), as a reload does.
 */
export function snapshotFirstBuild(
  logger: Logger,
  build: (request: BuildRequest) => Promise<BuiltCorpus> = buildCorpusInWorker,
): (request: BuildRequest) => Promise<BuiltCorpus> {
  return async (request) => {
    if (request.snapshotFile !== null) {
      const snapshot = await loadSnapshot(request.snapshotFile, await corpusFingerprint(request.corpusDir));
      if (snapshot !== null) {
        logger.info({ file: request.snapshotFile }, 'corpus index loaded from the snapshot matching the folder');
        return { ...snapshot, notes: [], fileNotes: [] };
      }
    }
    const why = request.snapshotFile === null ? 'snapshots are off' : 'no snapshot matches it';
    logger.info({ dir: request.corpusDir }, `indexing the corpus folder on a worker thread (${why})`);
    return build(request);
  };
}
