import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files that take far longer than the rest (child processes, a benchmark, a load burst). Started
 * first, they run beside the many short files instead of forming a tail on one worker at the end.
 * Vitest orders by the last run's durations when it has them; a fresh checkout (CI) has none, and
 * falls back to file size. tests/architecture/slowTestsFirst.test.ts checks they exist.
 */
export const SLOW_TEST_FILES = [
  'tests/bench/bench.test.ts',
  'tests/security/secrets.test.ts',
  'tests/load/reloadDuringBurst.test.ts',
  'tests/discord/sharded.e2e.test.ts',
  'tests/cli/ask.test.ts',
  'tests/faults/gateway.test.ts',
  'tests/sharding/startSharded.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = SLOW_TEST_FILES.indexOf(relative(spec.project.config.root, spec.moduleId));
      return at === -1 ? SLOW_TEST_FILES.length : at;
    };
    const sorted = await super.sort(files);
    // Stable: the rest keep vitest's order.
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Vitest's default on a 2-core machine is one worker (cores − 1): the suite ran file after file
    // while most files wait on child processes, sockets and timers. Two workers: 243 s instead of 356 s.
    // (Three made a test that times a reply within 5 s fail on a loaded machine.)
    maxWorkers: 2,
    // Worker threads start faster than forked processes: 235 s instead of 252 s for the whole suite
    // on a quiet 2-core machine (each of 94 files starts its own worker).
    pool: 'threads',
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
