import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * scripts/run.mjs, what `npm start` and `npm run ask` run: the source as JavaScript built by
 * esbuild, never stale after an edit. Each test copies the launcher into a folder of its own with a
 * small source tree, so that builds are made and checked there.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const made: string[] = [];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'run-built-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'scripts'));
  cpSync(path.join(ROOT, 'scripts/run.mjs'), path.join(dir, 'scripts/run.mjs'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeSources(dir, files);
  return dir;
}

function writeSources(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'src', name)), { recursive: true });
    writeFileSync(path.join(dir, 'src', name), text);
  }
}

function start(dir: string, ...args: string[]) {
  return run(process.execPath, ['scripts/run.mjs', ...args], { cwd: dir, timeout: 30_000 });
}

function builds(dir: string): string[] {
  return readdirSync(path.join(dir, 'dist'));
}

const SOURCES = {
  'cli/hello.ts':
    "import { word } from '../word.js';\nconst args: string[] = process.argv.slice(2);\nprocess.stdout.write(`${word()} ${args.join(',')}`);\n",
  'word.ts': "export function word(): string {\n  return 'first';\n}\n",
};

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('running the built source (scripts/run.mjs)', () => {
  it('runs an entry under src with its own arguments, from a build it makes once', async () => {
    const dir = project(SOURCES);
    const first = await start(dir, 'cli/hello', 'a', 'b c');
    expect(first.stdout).toBe('first a,b c');
    expect(builds(dir)).toHaveLength(1);
    const again = await start(dir, 'cli/hello');
    expect(again.stdout).toBe('first ');
    expect(builds(dir)).toHaveLength(1);
  });

  it('never runs a stale build: an edited source is built afresh', async () => {
    const dir = project(SOURCES);
    await start(dir, 'cli/hello');
    writeSources(dir, { 'word.ts': "export function word(): string {\n  return 'edited';\n}\n" });
    const edited = await start(dir, 'cli/hello');
    expect(edited.stdout).toBe('edited ');
    expect(builds(dir)).toHaveLength(2);
  });

  it('gives starts at once on a tree not built yet one whole build', async () => {
    const dir = project(SOURCES);
    const outputs = await Promise.all([1, 2, 3, 4].map(() => start(dir, 'cli/hello', 'x')));
    expect(outputs.map((o) => o.stdout)).toEqual(Array(4).fill('first x'));
    expect(builds(dir)).toHaveLength(1);
  });

  it('builds without running with --build, and says plainly when an entry does not exist', async () => {
    const dir = project(SOURCES);
    await start(dir, '--build');
    expect(builds(dir)).toHaveLength(1);
    await expect(start(dir, 'cli/nothing')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such entry: src/cli/nothing.ts'),
    });
  });

  it('says which source could not be built, and runs the TypeScript under tsx instead', async () => {
    const dir = project({ ...SOURCES, 'unused.ts': 'export const = ;\n' });
    const { stdout, stderr } = await start(dir, 'cli/hello');
    expect(stderr).toMatch(/could not build[\s\S]*unused\.ts/);
    expect(stdout).toBe('first ');
    const leftovers = existsSync(path.join(dir, 'dist')) ? builds(dir) : [];
    expect(leftovers).toEqual([]);
  });

  it('answers a question from the real source tree, as npm run ask does', async () => {
    const { stdout } = await run(process.execPath, ['scripts/run.mjs', 'cli/ask', 'who', 'who is the chinese premier'], {
      cwd: ROOT,
      env: { ...process.env, CORPUS_DIR: 'corpus', INDEX_CACHE_DIR: 'off', LOG_LEVEL: 'warn', DISCORD_TOKEN: '' },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/Li Qiang/);
  });

  it('never removes an older build a running process started from, and removes it once none does', async () => {
    const dir = project(SOURCES);
    await start(dir, '--build');
    const [first] = builds(dir);
    const firstDir = path.join(dir, 'dist', first!);
    // A bot started from it a long time ago, still running (this test's process stands for it).
    writeFileSync(path.join(firstDir, `.in-use-${process.pid}`), '');
    const longAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    utimesSync(firstDir, longAgo, longAgo);
    for (const version of ['two', 'three', 'four', 'five']) {
      writeSources(dir, { 'word.ts': `export function word(): string {\n  return '${version}';\n}\n` });
      await start(dir, '--build');
    }
    expect(builds(dir)).toContain(first);
    rmSync(path.join(firstDir, `.in-use-${process.pid}`));
    utimesSync(firstDir, longAgo, longAgo);
    writeSources(dir, { 'word.ts': "export function word(): string {\n  return 'six';\n}\n" });
    await start(dir, '--build');
    expect(builds(dir)).not.toContain(first);
  });

  it('leaves no mark of a process that has exited', async () => {
    const dir = project(SOURCES);
    await start(dir, 'cli/hello');
    const [build] = builds(dir);
    expect(readdirSync(path.join(dir, 'dist', build!)).filter((name) => name.startsWith('.in-use-'))).toEqual([]);
  });
});
