/**
 * ─── LEAD: the saved index snapshot plugs in here ───────────────────────────────────────────────
 *
 * The benchmark times `ask` from process start to first answer twice: without a snapshot (it is
 * deleted before each run) and from a snapshot (saved by a first, untimed run). For that it needs
 * to know where the snapshot of a corpus folder is kept. It looks for an exported function
 *
 *     snapshotPathFor(corpusDir)            or            snapshotPathFor(cacheDir, corpusDir)
 *
 * (returning a path, or a promise of one) in the modules of SNAPSHOT_MODULES, the first that
 * exports it winning. With the two-argument form the cache folder is the one the bot's
 * configuration names (`loadConfig(process.env)`: the first string setting whose name mentions
 * "cache" or "snapshot"), else `.cache` in the repository. Until such a function exists the
 * "from snapshot" figures are reported as n/a. If the snapshot ends up elsewhere, adapt this
 * file only: run.ts just calls `pathFor` (to delete the snapshot, check that `ask` saved it, and
 * report its size).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.js';
import { REPO_ROOT } from './paths.js';

/** Where `snapshotPathFor` may be exported from, relative to the repository. */
export const SNAPSHOT_MODULES = [
  'src/service/snapshot.ts',
  'src/service/indexSnapshot.ts',
  'src/search/snapshot.ts',
  'src/search/indexSnapshot.ts',
  'src/service/answerService.ts',
];

export const SNAPSHOT_FUNCTION = 'snapshotPathFor';

/** The cache folder when the configuration names none. */
const DEFAULT_CACHE_DIR = '.cache';

export interface SnapshotSupport {
  /** The module that exports the function. */
  module: string;
  /** Where the snapshot of this corpus folder is (a file or a folder), absolute. */
  pathFor(corpusDir: string): Promise<string>;
}

export type SnapshotLookup = { support: SnapshotSupport } | { missing: string };

type PathFor = (...args: string[]) => unknown;

function isPathFor(value: unknown): value is PathFor {
  return typeof value === 'function';
}

/** The cache folder as `ask` (started in the repository with this environment) would use it. */
export function configuredCacheDir(): string {
  try {
    const config: object = loadConfig(process.env);
    for (const [key, value] of Object.entries(config)) {
      if (/cache|snapshot/i.test(key) && typeof value === 'string') return path.resolve(REPO_ROOT, value);
    }
  } catch {
    // An invalid environment is ask's problem to report; fall back to the default folder.
  }
  return path.resolve(REPO_ROOT, DEFAULT_CACHE_DIR);
}

function supportFrom(module: string, pathFor: PathFor): SnapshotSupport {
  return {
    module,
    async pathFor(corpusDir) {
      const absolute = path.resolve(corpusDir);
      const result: unknown = await (pathFor.length >= 2 ? pathFor(configuredCacheDir(), absolute) : pathFor(absolute));
      if (typeof result !== 'string') throw new Error(`${module}: ${SNAPSHOT_FUNCTION}() returned ${typeof result}, not a path`);
      return path.resolve(REPO_ROOT, result);
    },
  };
}

/** The engine's snapshot support, or why there is none (yet). */
export async function findSnapshotSupport(): Promise<SnapshotLookup> {
  for (const module of SNAPSHOT_MODULES) {
    const file = path.join(REPO_ROOT, module);
    if (!existsSync(file)) continue;
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const pathFor = exports[SNAPSHOT_FUNCTION];
    if (!isPathFor(pathFor)) continue;
    const support = supportFrom(module, pathFor);
    try {
      await support.pathFor(REPO_ROOT);
    } catch (error) {
      return {
        missing: `${module} exports ${SNAPSHOT_FUNCTION}() but it failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    return { support };
  }
  return { missing: `no ${SNAPSHOT_FUNCTION}() exported by ${SNAPSHOT_MODULES.join(', ')} yet — plug it in bench/snapshotHook.ts` };
}
