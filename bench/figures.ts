/**
 * What each measuring child process prints: one JSON line of figures. Times in milliseconds,
 * sizes in bytes. Shared by the children and by run.ts, which puts them side by side.
 */
import type { LatencySummary } from './stats.js';

/** Build times over repetitions: the median, and how many builds it is the median of. */
export interface RepeatedTiming {
  median: number;
  runs: number[];
}

/**
 * Memory after a full GC: `heapUsed` plus `arrayBuffers` (typed arrays and Buffers live outside
 * the V8 heap, and an index may keep its postings there).
 */
export interface MemoryFigures {
  /** With the modules loaded, before reading the corpus. */
  baseline: number;
  /** With the index built and what answering needs (the sentence texts) held, nothing else. */
  afterBuild: number;
  afterBuildHeapUsed: number;
  afterBuildArrayBuffers: number;
}

export interface MiniSearchFigures {
  system: 'minisearch';
  sentences: number;
  /** Reading the sentence list from disk. */
  readMs: number;
  /** `addAll` of one document per sentence. */
  build: RepeatedTiming;
  memory: MemoryFigures;
  /** Search time per question, the median of each statistic over the timed passes. */
  query: LatencySummary;
  /** The first timed pass alone. */
  firstPass: LatencySummary;
  passes: number;
  /** Total results, so that searches cannot be optimised away. */
  hits: number;
  toJsonChars: number;
  toJsonMs: number;
  loadJson: RepeatedTiming;
}

export interface OursFigures {
  system: 'ours';
  sentences: number;
  articles: number;
  loadErrors: number;
  /** `loadCorpus` + `new AnswerEngine`. */
  build: RepeatedTiming;
  /** `new AnswerEngine(corpus)` alone. */
  engine: RepeatedTiming;
  memory: MemoryFigures;
  /** Full answering time per question (`engine.answer`), medians over the timed passes. */
  query: LatencySummary;
  firstPass: LatencySummary;
  passes: number;
  /** Of the questions about the corpus, how many got an answer; of the absent ones, how many were refused. */
  answeredPresent: number;
  present: number;
  refusedAbsent: number;
  absent: number;
}

export interface ReloadFigures {
  system: 'reload';
  sentences: number;
  /** How long `service.reload()` took, median over repetitions. */
  reload: RepeatedTiming;
  /** Longest lateness of a question scheduled every 10 ms during the reload (worst repetition's, median). */
  maxWait: RepeatedTiming;
  /** Longest time from a question's due time to its answer (wait + answering). */
  maxResponse: RepeatedTiming;
  /** monitorEventLoopDelay during the reload. */
  loopDelayP99: RepeatedTiming;
  loopDelayMax: RepeatedTiming;
  /** Questions answered during the reloads, in total. */
  questionsDuringReload: number;
}

/** Opening the service from its saved index (the snapshot folder) while questions come every 10 ms. */
export interface OpenFigures {
  system: 'open';
  sentences: number;
  /** How long `service.open()` took, from the snapshot, median over repetitions. */
  open: RepeatedTiming;
  /** Longest lateness of a question scheduled every 10 ms during the open (per repetition, median). */
  maxWait: RepeatedTiming;
  maxResponse: RepeatedTiming;
  /** Size of the snapshot folder. */
  snapshotBytes: number;
  /** Questions answered during the opens, in total. */
  questionsDuringOpen: number;
}

/** One kind of in-place change (`/corpus add` or `/corpus remove`), over repetitions. */
export interface ChangeTimings {
  /** From the change's start to the first question answered from the article (add) or no longer from it (remove). */
  visible: RepeatedTiming;
  /** The whole change: indexing (or unindexing) and saving the changed snapshot files. */
  total: RepeatedTiming;
  /** Longest lateness of a question scheduled every 10 ms during the change. */
  maxWait: RepeatedTiming;
  maxResponse: RepeatedTiming;
}

export interface ChangeFigures {
  system: 'changes';
  /** Sentences serving before the first change. */
  sentences: number;
  /** Sentences of the article added. */
  addedSentences: number;
  /** Sentences of the articles removed (median). */
  removedSentences: number;
  /** How the service was opened before the changes: from the snapshot left by the open measurement, or by building it. */
  openedFrom: 'snapshot' | 'files';
  add: ChangeTimings;
  remove: ChangeTimings;
}

export type ChildFigures = MiniSearchFigures | OursFigures | ReloadFigures | OpenFigures | ChangeFigures;
