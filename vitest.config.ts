import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Vitest's default on a 2-core machine is one worker (cores − 1): the suite ran file after file
    // while most files wait on child processes, sockets and timers. Two workers: 243 s instead of 356 s.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
