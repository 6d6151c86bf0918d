/**
 * `node scripts/run.mjs <entry> [args...]`: runs src/<entry>.ts from JavaScript that esbuild
 * transpiled, one file for one file, into dist/<key>/. The key is a hash of every source file's
 * path, size and modification time, so an edited source is never run stale: a new key builds
 * afresh (about 0.3 s); an unchanged tree starts at once. `npm ci` builds ahead (`prepare`).
 *
 * Why: under tsx, each start spent about a second of its first answer loading the TypeScript
 * loader and transforming the modules (the target: `ask` answers within 1 s of start).
 * Type checking stays with `tsc` (`npm run typecheck`); esbuild, like tsx, only strips types.
 *
 * A build is made in a folder of its own and renamed into place whole, so two starts at once
 * never read half-written files. If esbuild cannot run, the source runs under tsx instead.
 * `node scripts/run.mjs --build` builds and exits.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(ROOT, 'src');
const BUILDS_DIR = join(ROOT, 'dist');
/** Builds kept besides the current one: a bot still running from an older one keeps its worker files. */
const OLDER_BUILDS_KEPT = 3;
/** An older build is removed only when unused this long, and never while a process runs from it. */
const OLDER_BUILD_MIN_AGE_MS = 24 * 60 * 60 * 1000;
/** A process running from a build leaves a file of this name and its pid in it (a bot loads worker files from it later). */
const IN_USE = '.in-use-';

/** @returns {string[]} the TypeScript sources under src, relative to it, in a fixed order */
function sourceFiles() {
  return readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort();
}

/** @param {string[]} files @returns {string} what names this exact source tree */
function sourceKey(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const stat = statSync(join(SOURCE_DIR, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** @param {string[]} files @param {string} buildDir */
async function build(files, buildDir) {
  const esbuild = await import('esbuild');
  const staging = `${buildDir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await esbuild.build({
      entryPoints: files.map((file) => join(SOURCE_DIR, file)),
      outdir: staging,
      outbase: SOURCE_DIR,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      bundle: false,
      sourcemap: false,
      logLevel: 'error',
    });
    renameSync(staging, buildDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another start built the same tree first: its build is as good as ours.
    if (!existsSync(buildDir)) throw error;
  }
}

/** Dates the build as used now, so that pruning (by age) spares the builds that run. */
function markUsed(buildDir) {
  try {
    const now = new Date();
    utimesSync(buildDir, now, now);
  } catch {
    // A read-only checkout still runs; its builds are simply never pruned as unused.
  }
}

/** Removes older builds beyond the few kept, and any staging folder left by a crash, once a day old. */
function pruneOlderBuilds(currentKey) {
  const now = Date.now();
  const others = readdirSync(BUILDS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== currentKey)
    .map((entry) => ({ path: join(BUILDS_DIR, entry.name), mtimeMs: statSync(join(BUILDS_DIR, entry.name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const [rank, other] of others.entries()) {
    const staging = other.path.includes('.tmp-');
    if ((staging || rank >= OLDER_BUILDS_KEPT) && now - other.mtimeMs > OLDER_BUILD_MIN_AGE_MS && !inUse(other.path)) {
      rmSync(other.path, { recursive: true, force: true });
    }
  }
}

/** Whether a process that started from the build is still running. */
function inUse(buildDir) {
  return readdirSync(buildDir)
    .filter((name) => name.startsWith(IN_USE))
    .some((name) => isRunning(Number(name.slice(IN_USE.length))));
}

/** @param {number} pid */
function isRunning(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** Marks the build as in use by this process until it exits. */
function holdWhileRunning(buildDir) {
  const marker = join(buildDir, `${IN_USE}${process.pid}`);
  try {
    writeFileSync(marker, '');
  } catch {
    // A read-only checkout still runs; its builds are not pruned by a process that cannot write either.
    return;
  }
  process.on('exit', () => {
    try {
      unlinkSync(marker);
    } catch {
      // Already gone: nothing to release.
    }
  });
}

/** @returns {Promise<string | null>} the current build's folder, or null when esbuild could not build it */
async function currentBuild() {
  const files = sourceFiles();
  const key = sourceKey(files);
  const buildDir = join(BUILDS_DIR, key);
  if (existsSync(buildDir)) {
    markUsed(buildDir);
    return buildDir;
  }
  try {
    await build(files, buildDir);
  } catch (error) {
    process.stderr.write(`could not build ${relative(ROOT, buildDir)} (${String(error)}); running the TypeScript source under tsx\n`);
    return null;
  }
  try {
    pruneOlderBuilds(key);
  } catch (error) {
    process.stderr.write(`could not remove older builds in ${relative(ROOT, BUILDS_DIR)}: ${String(error)}\n`);
  }
  return buildDir;
}

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (entry === undefined || (entry.startsWith('-') && entry !== '--build')) {
    process.stderr.write('usage: node scripts/run.mjs <entry under src, e.g. cli/ask> [args...] | --build\n');
    process.exit(2);
  }
  const buildDir = await currentBuild();
  if (entry === '--build') {
    process.exit(buildDir === null ? 1 : 0);
  }
  let entryFile;
  if (buildDir === null) {
    const { register } = await import('tsx/esm/api');
    register();
    entryFile = join(SOURCE_DIR, `${entry}.ts`);
  } else {
    entryFile = join(buildDir, `${entry}.js`);
    holdWhileRunning(buildDir);
  }
  if (!existsSync(entryFile)) {
    process.stderr.write(`no such entry: src/${entry}.ts\n`);
    process.exit(2);
  }
  // The entry reads its own arguments from process.argv.slice(2), as if started directly.
  process.argv = [process.argv[0], entryFile, ...args];
  await import(pathToFileURL(entryFile).href);
}

await main();
