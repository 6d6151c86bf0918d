import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the CPU scheduling priority of the calling thread to `niceness` (higher is lower priority),
 * so that a background build gives way to the thread answering questions whenever both want the
 * same core. Linux gives each thread its own nice value and names the calling thread's id in
 * /proc/thread-self; elsewhere, or when the system refuses, nothing changes. Returns null when the
 * priority was lowered (or already that low), else why it was not.
 */
export function lowerThreadPriority(niceness: number): string | null {
  let threadId: number;
  try {
    threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch (error) {
    return `this system does not name threads in /proc/thread-self (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!Number.isInteger(threadId) || threadId <= 0) return 'this thread has no readable id in /proc/thread-self';
  try {
    if (getPriority(threadId) < niceness) setPriority(threadId, niceness);
    return null;
  } catch (error) {
    return `the system refused to lower thread ${threadId}'s priority (${error instanceof Error ? error.message : String(error)})`;
  }
}
