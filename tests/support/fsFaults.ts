// Faults injected into node:fs/promises for the code under test, through vitest's module mock:
//
//   vi.mock('node:fs/promises', async (importOriginal) =>
//     (await import('../support/fsFaults.js')).faultyFsPromises(await importOriginal()));
//
// then, in a test, `fsFaults.beforeOpen = (file) => { ... }` (throw to fail the open or read, or
// delete the file to make it vanish), `fsFaults.beforeWrite`, `fsFaults.beforeHandleWrite` or
// `fsFaults.beforeRename` (throw, e.g. ENOSPC, or never resolve: the process "dies" there);
// `resetFsFaults()` after.

import type * as fsPromises from 'node:fs/promises';
import path from 'node:path';

type FsPromises = typeof fsPromises;

export interface FsFaults {
  /** Runs before a file is opened or read whole (open, readFile): may throw, or change the file. */
  beforeOpen: ((file: string) => void | Promise<void>) | null;
  /** Runs before a file is written whole (writeFile): may throw, or never resolve (the process "dies" there). */
  beforeWrite: ((file: string) => void | Promise<void>) | null;
  /** Runs before each write through a handle that open() gave (handle.write): may throw, or never resolve. */
  beforeHandleWrite: ((file: string) => void | Promise<void>) | null;
  /** Runs before a rename (from, to): may throw, or never resolve. */
  beforeRename: ((from: string, to: string) => void | Promise<void>) | null;
}

export const fsFaults: FsFaults = { beforeOpen: null, beforeWrite: null, beforeHandleWrite: null, beforeRename: null };

export function resetFsFaults(): void {
  fsFaults.beforeOpen = null;
  fsFaults.beforeWrite = null;
  fsFaults.beforeHandleWrite = null;
  fsFaults.beforeRename = null;
}

/** An error as node:fs throws it (e.g. code EIO), naming the file. */
export function fsError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${syscall} '${file}'`), { code, syscall, path: file });
}

/** True when `file` (a path) is named `name`. */
export function isFile(file: string, name: string): boolean {
  return path.basename(file) === name;
}

/** node:fs/promises with the hooks above in front of open (and its handles' write), readFile, writeFile and rename. */
export function faultyFsPromises(actual: FsPromises): FsPromises {
  const open: FsPromises['open'] = async (file, ...rest) => {
    await fsFaults.beforeOpen?.(String(file));
    const handle = await actual.open(file, ...rest);
    const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<unknown>;
    handle.write = (async (...args: unknown[]) => {
      await fsFaults.beforeHandleWrite?.(String(file));
      return write(...args);
    }) as typeof handle.write;
    return handle;
  };
  const readFile = (async (file: Parameters<FsPromises['readFile']>[0], ...rest: unknown[]) => {
    if (typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file)) await fsFaults.beforeOpen?.(String(file));
    return (actual.readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest);
  }) as FsPromises['readFile'];
  const writeFile = (async (file: Parameters<FsPromises['writeFile']>[0], ...rest: unknown[]) => {
    if (typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file)) await fsFaults.beforeWrite?.(String(file));
    return (actual.writeFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest);
  }) as FsPromises['writeFile'];
  const rename: FsPromises['rename'] = async (from, to) => {
    await fsFaults.beforeRename?.(String(from), String(to));
    return actual.rename(from, to);
  };
  const mocked = { ...actual, open, readFile, writeFile, rename };
  return { ...mocked, default: mocked } as FsPromises;
}
