/** Where the benchmark keeps what it generates: bench/out (git-ignored) unless told otherwise. */
import path from 'node:path';

export const BENCH_DIR = import.meta.dirname;
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const DEFAULT_WORK_DIR = path.join(BENCH_DIR, 'out');
export const DEFAULT_RESULTS_FILE = path.join(BENCH_DIR, 'results.md');
/** The seed corpus the bot ships with. */
export const SEED_CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
