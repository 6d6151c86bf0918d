// What moderators read of an error: one line, file names relative to the corpus folder, no other
// server path; the log keeps the rest.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moderatorText } from '../../src/service/moderatorText.js';

describe('moderatorText', () => {
  const dir = '/srv/visit-bot/corpus';

  it.each([
    [`cannot read the file: EACCES: permission denied, open '${dir}/lee.txt'`, 'cannot read the file: EACCES: permission denied'],
    [
      `cannot write lee-1.txt into the corpus folder ${dir}: ENOSPC: no space left on device, open '${dir}/.tmp-ab12-lee-1.txt'`,
      'cannot write lee-1.txt into the corpus folder: ENOSPC: no space left on device',
    ],
    [
      `cannot move lee.txt into ${dir}/.removed: EXDEV: cross-device link not permitted, rename '${dir}/lee.txt' -> '${dir}/.removed/x_lee.txt'`,
      'cannot move lee.txt into .removed: EXDEV: cross-device link not permitted',
    ],
    [
      `building the corpus in ${dir} failed: out of memory\n    at build (/srv/visit-bot/src/service/corpusBuild.ts:30:5)`,
      'building the corpus in the corpus folder failed: out of memory',
    ],
    [
      `cannot save the snapshot /var/cache/visit-bot/index-1a2b.bin: EROFS: read-only file system`,
      'cannot save the snapshot index-1a2b.bin: EROFS: read-only file system',
    ],
    [
      `invalid YAML: Nested mappings are not allowed in compact mappings at line 1, column 8:\n\ntitle: a: b\n       ^\n`,
      'invalid YAML: Nested mappings are not allowed in compact mappings at line 1, column 8',
    ],
  ])('%j → %j', (text, shown) => {
    expect(moderatorText(text, dir)).toBe(shown);
  });

  it('leaves links, media types, slash commands and plain reasons alone', () => {
    for (const text of [
      'could not fetch example.org: the page answered HTTP 404 Not Found at https://example.org/a/b/c',
      'not a web page: the address serves text/plain, not HTML',
      'use /corpus remove first',
      'the file is 12 MB; files of at most 10 MB are read',
    ]) {
      expect(moderatorText(text, dir)).toBe(text);
    }
  });

  it('works with a corpus folder given relative to the working directory', () => {
    expect(moderatorText(`cannot read the file: EIO: i/o error, open 'corpus/lee.txt'`, 'corpus')).toBe(
      'cannot read the file: EIO: i/o error',
    );
    expect(moderatorText(`cannot list corpus folder ${path.resolve('corpus')}: ENOENT: no such file or directory`, 'corpus')).toBe(
      'cannot list the corpus folder: ENOENT: no such file or directory',
    );
  });
});
