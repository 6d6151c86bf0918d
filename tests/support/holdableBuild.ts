// A corpus build (the AnswerService's `build` option) that a test can hold half-way, or make fail,
// to see what the bot does while a corpus change is in progress or when one breaks.

import { buildCorpus, buildCorpusInWorker, type BuildRequest, type BuiltCorpus } from '../../src/service/corpusBuild.js';

export interface HoldableBuild {
  build: (request: BuildRequest) => Promise<BuiltCorpus>;
  /** The next builds wait (before reading anything) until release(). */
  hold(): void;
  release(): void;
  /** The next build reads and indexes the folder, then fails with this error instead of answering. */
  failNext(error: Error): void;
  /** Builds started so far. */
  readonly started: number;
}

/**
 * @param inWorker build on a worker thread as the bot does (default), or on this thread (so that
 * module mocks of the test apply to the reading).
 */
export function holdableBuild(options: { inWorker?: boolean } = {}): HoldableBuild {
  const real = options.inWorker === false ? buildCorpus : buildCorpusInWorker;
  let gate: { promise: Promise<void>; release: () => void } | null = null;
  let failure: Error | null = null;
  let started = 0;
  return {
    async build(request) {
      started++;
      if (gate !== null) await gate.promise;
      const built = await real(request);
      if (failure !== null) {
        const error = failure;
        failure = null;
        throw error;
      }
      return built;
    },
    hold() {
      let release!: () => void;
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      gate = { promise, release };
    },
    release() {
      gate?.release();
      gate = null;
    },
    failNext(error) {
      failure = error;
    },
    get started() {
      return started;
    },
  };
}
