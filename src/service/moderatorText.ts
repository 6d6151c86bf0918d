/**
 * The reason for a refusal or a file that could not be loaded, as a moderator reads it: one plain
 * line, without the server's folders. The log keeps the whole message (file, folder, error).
 * - Only the first line: a stack trace or a code frame under it stays in the log.
 * - The operating system's `, open '/srv/bot/corpus/x.txt'` after an error code is dropped (the
 *   file is already named beside the reason).
 * - A path inside the corpus folder is written relative to it (`.removed/x.txt`), the corpus folder
 *   itself as "the corpus folder", and any other absolute path by its last name only.
 */
import path from 'node:path';

/** What Node's file-system errors append to their message: the call and the path(s) it was given. */
const SYSCALL_TAIL = /, [a-z]+ '[^']*'(?: -> '[^']*')?/g;
/** An absolute POSIX path of at least two names, not inside a URL (`https://host/a/b`). */
const ABSOLUTE_PATH = /(?<![\w.:/~-])\/(?:[^\s/'"`,;:()]+\/)+[^\s/'"`,;:()]*/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` as a moderator should read it (see the module's comment); `corpusDir` as configured. */
export function moderatorText(text: string, corpusDir: string): string {
  let plain = (text.split(/\r?\n/, 1)[0] ?? '').trim().replace(/:$/, '');
  plain = plain.replace(SYSCALL_TAIL, '');
  const absolute = path.resolve(corpusDir);
  const asGiven = path.normalize(corpusDir);
  // The absolute folder first: the folder as given may be the end of it.
  for (const folder of absolute === asGiven ? [absolute] : [absolute, asGiven]) {
    if (folder === '.' || folder === path.sep) continue;
    const quoted = escapeRegExp(folder);
    // A file in the folder: its name relative to the folder.
    plain = plain.replace(new RegExp(`(?<![\\w/.-])${quoted}${escapeRegExp(path.sep)}([^\\s'"\`,;:()]+)`, 'g'), '$1');
    if (folder !== absolute) continue;
    // The folder itself, however the sentence names it (a relative name like "corpus" is left alone: it is also a word).
    plain = plain
      .replace(new RegExp(`(?:the )?corpus folder ${quoted}(?![\\w/])`, 'g'), 'the corpus folder')
      .replace(new RegExp(`(?<![\\w/])${quoted}(?![\\w/])`, 'g'), 'the corpus folder');
  }
  return plain.replace(ABSOLUTE_PATH, (absolute) => path.posix.basename(absolute) || absolute);
}
