/**
 * Sweeping the temporary files (`.tmp-*`) that an upload interrupted by a crash left in the corpus
 * folder. An upload writes its temporary files and renames them within milliseconds, so one older
 * than an hour is left over; a younger one may belong to an upload under way in another process
 * sharing the folder (a shard), and is left alone.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_PREFIX } from '../corpus/loadCorpus.js';

/** Age past which a temporary upload file is taken as left over. */
export const STALE_TEMP_FILE_MS = 60 * 60 * 1000;

export interface SweepResult {
  /** Names of the files deleted. */
  removed: string[];
  /** Files that could not be deleted, and why. */
  failed: Array<{ file: string; reason: string }>;
}

/**
 * Deletes the regular `.tmp-*` files directly in `dir` last modified more than `maxAgeMs` before
 * `now`. Never throws: a folder that cannot be listed sweeps nothing (the load reports it).
 */
export async function sweepStaleTempFiles(dir: string, now = Date.now(), maxAgeMs = STALE_TEMP_FILE_MS): Promise<SweepResult> {
  const result: SweepResult = { removed: [], failed: [] };
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.startsWith(TEMP_PREFIX)).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await lstat(file).catch(() => null);
    if (info === null || !info.isFile() || now - info.mtimeMs <= maxAgeMs) continue;
    try {
      await rm(file);
      result.removed.push(name);
    } catch (error) {
      result.failed.push({ file: name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
