import { defineConfig } from 'vitest/config';

// `npm run test:load`: the load tests at full size, one file at a time (two bursts at once would
// share the machine's cores and measure each other): 2,000 interactions, and a reload of 100,000
// sentences during a burst. LOAD_COUNT and LOAD_RELOAD_SENTENCES in the environment override them;
// LOAD_BUSY=2 runs two CPU-bound processes beside the bot during the burst (a busy machine).
export default defineConfig({
  test: {
    include: ['tests/load/**/*.test.ts'],
    env: {
      LOAD_COUNT: process.env.LOAD_COUNT ?? '2000',
      LOAD_RELOAD_SENTENCES: process.env.LOAD_RELOAD_SENTENCES ?? '100000',
      LOAD_BUSY: process.env.LOAD_BUSY ?? '0',
    },
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
