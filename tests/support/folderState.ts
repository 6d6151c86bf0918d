// The state of a corpus folder as the loader sees it, to compare before and after a fault: every
// visible file with a hash of its bytes (hidden files such as `.tmp-*` and `.removed/` listed apart).

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface FolderState {
  /** Visible files directly in the folder: name → sha256 of the content. */
  files: Record<string, string>;
  /** Hidden entries directly in the folder (temporary files, `.removed`). */
  hidden: string[];
}

export async function folderState(dir: string): Promise<FolderState> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: Record<string, string> = {};
  const hidden: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) {
      hidden.push(entry.name);
    } else if (entry.isFile()) {
      files[entry.name] = createHash('sha256')
        .update(await readFile(path.join(dir, entry.name)))
        .digest('hex');
    }
  }
  return { files, hidden };
}
