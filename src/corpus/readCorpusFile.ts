/**
 * Reading one file of the corpus folder, safely: only a regular file directly in the folder (a
 * symbolic link is never followed, so nothing outside the folder is read through one, even if a
 * file is swapped for a link after the folder was listed; a FIFO or device is never opened for a
 * blocking read), and only up to a size cap, checked on the open file before anything is read.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from './byteSize.js';
import { CorpusFileError } from './corpusFileError.js';
import { decodeText } from './decodeText.js';
import { errorMessage } from './frontMatter.js';

/**
 * The largest article file read. Uploads are capped at 1 MB and a long news article is well under
 * 100 KB; ten times the upload cap leaves room for files added by hand while a 50 MB log or dump
 * dropped into the folder is refused before it is read.
 */
export const MAX_ARTICLE_FILE_BYTES = 10 * 1024 * 1024;
/** The largest `<id>.meta.yaml` sidecar read: a handful of metadata fields. */
export const MAX_SIDECAR_FILE_BYTES = 64 * 1024;

/** The reason given for a symbolic link with an article's or sidecar's name. */
export const SYMLINK_REASON =
  'a symbolic link: links are not followed, so that nothing outside the corpus folder is read (copy the file into the folder instead)';
/** The reason given for a FIFO, socket or device with an article's or sidecar's name. */
export const NOT_REGULAR_REASON = 'not a regular file (a FIFO, socket or device): only plain files are read';

/** Open read-only, never through a symbolic link, never blocking on a FIFO (flags missing on a platform count as 0). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Why a file could not be opened, in a curator's words. */
function openFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // O_NOFOLLOW on a symbolic link fails with ELOOP (EMLINK on some BSDs).
  if (code === 'ELOOP' || code === 'EMLINK') return SYMLINK_REASON;
  return `cannot read the file: ${errorMessage(error)}`;
}

/** "the file is 50 MB; files of at most 10 MB are read", in bytes when rounding would hide the difference. */
function tooBigReason(size: number, maxBytes: number): string {
  const [shown, cap] = formatBytes(size) === formatBytes(maxBytes) ? [`${size} bytes`, `${maxBytes} bytes`] : [formatBytes(size), formatBytes(maxBytes)];
  return `the file is ${shown}; files of at most ${cap} are read`;
}

/** Reads at most `maxBytes` + 1 bytes: enough to tell that a file grew past the cap while being read. */
async function readAtMost(handle: FileHandle, expected: number, maxBytes: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.min(expected, maxBytes) + 1);
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) return buffer;
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
    if (bytesRead === 0) return buffer.subarray(0, filled);
    filled += bytesRead;
  }
}

/**
 * Reads `file` (a name directly in `dir`) as text (see decodeText), refusing links, special files,
 * and files over `maxBytes` before reading them.
 * @throws CorpusFileError naming the file, with the reason.
 */
export async function readCorpusTextFile(dir: string, file: string, maxBytes: number): Promise<string> {
  if (file !== path.basename(file) || file === '.' || file === '..') {
    throw new CorpusFileError(file, 'not a file name directly in the corpus folder');
  }
  let handle: FileHandle;
  try {
    handle = await open(path.join(dir, file), OPEN_FLAGS);
  } catch (error) {
    throw new CorpusFileError(file, openFailure(error), { cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CorpusFileError(file, NOT_REGULAR_REASON);
    const tooBig = (size: number) => new CorpusFileError(file, `${tooBigReason(size, maxBytes)} (is it really an article?)`);
    if (info.size > maxBytes) throw tooBig(info.size);
    const bytes = await readAtMost(handle, info.size, maxBytes);
    if (bytes.length > maxBytes) throw tooBig(bytes.length);
    try {
      return decodeText(bytes);
    } catch (error) {
      throw new CorpusFileError(file, errorMessage(error), { cause: error });
    }
  } catch (error) {
    if (error instanceof CorpusFileError) throw error;
    throw new CorpusFileError(file, `cannot read the file: ${errorMessage(error)}`, { cause: error });
  } finally {
    await handle.close();
  }
}
