import path from 'node:path';
import { formatBytes } from '../corpus/byteSize.js';

export { formatBytes };

/** The largest article file /corpus add accepts. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
/** Extensions of article files (as the corpus loader reads them). */
export const UPLOAD_EXTENSIONS: readonly string[] = ['.txt', '.md'];

/** The extension an upload is stored with (".txt" or ".md"), or null when it is not an article file. */
export function uploadExtension(fileName: string): string | null {
  const extension = path.extname(fileName).toLowerCase();
  return UPLOAD_EXTENSIONS.includes(extension) ? extension : null;
}

/** Why an upload cannot be an article, judging by its name and size; null when it may be one. */
export function uploadProblem(fileName: string, size: number): string | null {
  if (uploadExtension(fileName) === null) return `only ${UPLOAD_EXTENSIONS.join(' and ')} files can be added`;
  if (size > MAX_UPLOAD_BYTES) return `the file is ${formatBytes(size)}; at most ${formatBytes(MAX_UPLOAD_BYTES)} is accepted`;
  if (size === 0) return 'the file is empty';
  return null;
}
