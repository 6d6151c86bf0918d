/**
 * The index snapshot used as what it is, a cache: reading or saving it never throws and never
 * waits without end. A failure comes back as a sentence for the caller to log (once: see
 * AnswerService), and the bot goes on without the snapshot: a start reads the corpus folder
 * instead, a change applies without saving one.
 */
import type { CorpusError } from '../corpus/types.js';
import { loadSnapshot, saveSnapshot, type FileStep, type Snapshot, type SnapshotSource } from './snapshot.js';

/**
 * The longest one file of the snapshot may take to read or write before the bot goes on without
 * the snapshot. Far more than a working disk needs; it bounds a file system that stopped answering
 * (a hung network mount). Per file, not for the whole: a million sentences make a snapshot of
 * hundreds of megabytes in many shard files, which a busy disk may take minutes to write in all.
 */
export const SNAPSHOT_TIME_LIMIT_MS = 60_000;

export interface SnapshotRead {
  /** The snapshot matching the fingerprint; null when there is none (or it could not be read). */
  snapshot: Snapshot | null;
  /** Why it could not be read; null when it was, or there was simply none yet. */
  problem: string | null;
}

export interface SnapshotSave {
  /** Why it could not be saved; null when it was. */
  problem: string | null;
  /**
   * True when the time limit passed with the write still under way: it may still read the arrays
   * it was given, so they must not be handed to another thread (moved) meanwhile.
   */
  stillWriting: boolean;
}

class TimeLimitPassed extends Error {}

/** `work`, or a TimeLimitPassed after `ms` (the work is not stopped: nothing can stop a file system call). */
async function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitPassed(`${what} took more than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function limitedTo(ms: number): FileStep {
  return (work, what) => withinTime(work, ms, what);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads the snapshot in the folder `dir` if it matches `fingerprint`; never throws. */
export async function readSnapshotBestEffort(
  dir: string,
  fingerprint: string,
  timeLimitMs = SNAPSHOT_TIME_LIMIT_MS,
): Promise<SnapshotRead> {
  try {
    return { snapshot: await loadSnapshot(dir, fingerprint, limitedTo(timeLimitMs)), problem: null };
  } catch (error) {
    return { snapshot: null, problem: messageOf(error) };
  }
}

/** Saves a corpus index's snapshot in the folder `dir` (see saveSnapshot); never throws. */
export async function saveSnapshotBestEffort(
  dir: string,
  state: { fingerprint: string; errors: CorpusError[]; corpus: SnapshotSource },
  nextTurn: () => Promise<unknown>,
  timeLimitMs = SNAPSHOT_TIME_LIMIT_MS,
): Promise<SnapshotSave> {
  try {
    await saveSnapshot(dir, state, nextTurn, limitedTo(timeLimitMs));
    return { problem: null, stillWriting: false };
  } catch (error) {
    return { problem: `cannot save the snapshot: ${messageOf(error)}`, stillWriting: error instanceof TimeLimitPassed };
  }
}
