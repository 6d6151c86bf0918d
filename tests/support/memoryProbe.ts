// Loaded into the bot's process by the load tests (`node --import <this file> src/main.ts`, with
// an IPC channel): sends the process's memory to the test every 20 ms, from inside, so that the
// heap is measured as well as the resident size. Nothing of the bot changes.

const SAMPLE_EVERY_MS = 20;

if (typeof process.send === 'function') {
  process.channel?.unref();
  const timer = setInterval(() => {
    const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
    if (process.connected) process.send?.({ probe: 'memory', rss, heapUsed, arrayBuffers });
  }, SAMPLE_EVERY_MS);
  timer.unref();
}
