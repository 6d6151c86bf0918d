import { defineConfig } from 'vitest/config';

// `npm run test:unit`: the pure logic, in under a minute — everything but the tests that start
// processes, workers, servers or the fake Discord (those run in `npm test`, which runs all). A new
// test file is in unless excluded here. The files share worker threads and their modules (no
// isolation): what they import is loaded once, which is most of the time saved; none of them
// changes a module's state for the next (they also pass in shuffled order).
export default defineConfig({
  test: {
    pool: 'threads',
    isolate: false,
    include: ['tests/**/*.test.ts'],
    exclude: [
      // The bot against the fake Discord, child processes, sharding, faults and load.
      'tests/**/*.e2e.test.ts',
      'tests/cli/**',
      'tests/faults/**',
      'tests/load/**',
      'tests/sharding/**',
      'tests/discord/fakeDiscord.*.test.ts',
      'tests/discord/deployCommands.test.ts',
      'tests/discord/download.test.ts',
      'tests/discord/lostInteractions.test.ts',
      'tests/discord/rateLimit.test.ts',
      'tests/discord/restGuard.test.ts',
      'tests/security/echoedText.test.ts',
      'tests/security/hostileCorpusFiles.test.ts',
      'tests/security/hostileQueries.test.ts',
      'tests/security/secrets.test.ts',
      // Worker threads (the corpus store's service builds in one), a local web server, a second writer process.
      'tests/service/corpusStore.test.ts',
      'tests/ingest/extractArticle.test.ts',
      'tests/ingest/fetchArticle.test.ts',
      'tests/service/snapshot.test.ts',
      'tests/service/snapshotBestEffort.test.ts',
      'tests/service/threadPriority.test.ts',
      'tests/feedback/feedbackStore.test.ts',
      // The benchmarks end to end.
      'tests/bench/bench.test.ts',
      'tests/bench/worstCase.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
