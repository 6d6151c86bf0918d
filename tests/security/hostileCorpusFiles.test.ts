// Hostile and broken corpus files: empty, binary, invalid UTF-8, UTF-16 (decoded when it has a byte
// order mark), UTF-32, terminal escapes, 50 MB (refused before it is read), front matter that is not
// YAML, YAML bombs, ids that are paths, duplicate ids, symbolic links and FIFOs pointing out of the
// folder. Each is refused with a reason naming the file while the good articles load, and nothing
// outside the corpus folder is read or written — by the loader, by uploads or by removals.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { MAX_ARTICLE_FILE_BYTES, MAX_SIDECAR_FILE_BYTES, SYMLINK_REASON } from '../../src/corpus/readCorpusFile.js';
import { MAX_YAML_ALIAS_COUNT, parseMetaYaml } from '../../src/corpus/metaYaml.js';
import { AnswerService } from '../../src/service/answerService.js';
import { buildCorpus } from '../../src/service/corpusBuild.js';
import { CorpusStore, REMOVED_DIR, type Actor } from '../../src/service/corpusStore.js';
import { memoryLogger } from '../support/botHarness.js';

const GOOD = 'Lee visits Beijing seeking stronger economic ties\nLee left Seoul on Sunday. Xi greeted him on Monday.\n';
/** Text that must never be read into the corpus: it lives outside the corpus folder. */
const SECRET = 'The outside secret sentence was read through a link.';
const ACTOR: Actor = { id: '1300000000000000005', name: 'moderator', guildId: '1300000000000000003' };

/** Nine levels of ten aliases each: a billion "lol"s if every alias were expanded. */
const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefgh'[i];
    return `${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(',')}]`;
  }),
  'title: boom',
].join('\n');

/** A folder holding the corpus folder and, next to it, files the corpus must never touch. */
async function sandbox(): Promise<{ root: string; corpus: string; outside: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'hostile-corpus-'));
  const corpus = path.join(root, 'corpus');
  const outside = path.join(root, 'outside');
  await mkdir(corpus);
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  await writeFile(path.join(outside, 'secret.meta.yaml'), 'title: Outside title\n');
  return { root, corpus, outside };
}

/** Every file under a folder with its size and modification time (to see that nothing changed). */
async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const info = await stat(path.join(dir, name));
    result[name] = `${info.size}:${info.mtimeMs}`;
  }
  return result;
}

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the corpus loader, given hostile files', () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  const write = (name: string, content: string | Uint8Array) => writeFile(path.join(box.corpus, name), content);

  beforeEach(async () => {
    box = await sandbox();
  });
  afterEach(async () => {
    await rm(box.root, { recursive: true, force: true });
  });

  it('refuses each broken file with a reason naming it, loads the good ones, and reads nothing outside the folder', async () => {
    await write('good.txt', GOOD);
    await write('empty.txt', '');
    await write(
      'binary.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    await write('invalid-utf8.txt', Buffer.from([0x4c, 0x65, 0x65, 0x20, 0xc3, 0x28, 0x20, 0x76, 0x69, 0x73, 0x69, 0x74, 0x2e, 0x0a]));
    await write('utf16-no-bom.txt', Buffer.from('Lee left Seoul on Sunday.\n', 'utf16le'));
    await write('utf32.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.from('L\0\0\0e\0\0\0e\0\0\0', 'latin1')]));
    await write('escapes.txt', 'Lee left Seoul on Sunday.\n\u001b]0;pwned\u0007 Xi greeted him.\n');
    await write('not-yaml.md', '---\n<meta name="title">Lee: [in Beijing</meta>\n---\nLee left Seoul on Sunday.\n');
    await write('scalar-front-matter.md', '---\njust a sentence, not fields\n---\nLee left Seoul on Sunday.\n');
    await write('toml.md', '+++\ntitle = "Lee in Beijing"\n+++\nLee left Seoul on Sunday.\n');
    await write('unclosed.md', '---\ntitle: Lee in Beijing\nLee left Seoul on Sunday.\n');
    await write('bomb.md', `---\n${BILLION_LAUGHS}\n---\nLee left Seoul on Sunday.\n`);
    await write('bomb-sidecar.txt', GOOD);
    await write('bomb-sidecar.meta.yaml', BILLION_LAUGHS);
    await write('dup.txt', GOOD);
    await write('dup.md', GOOD);
    await write('dup2.txt', GOOD);
    await write('dup2.TXT', GOOD);
    // The second of each pair added later: the one already there keeps serving.
    for (const [name, minutes] of [
      ['dup.txt', 0],
      ['dup.md', 5],
      ['dup2.txt', 0],
      ['dup2.TXT', 5],
    ] as const) {
      const at = new Date(Date.UTC(2026, 0, 4) + minutes * 60_000);
      await utimes(path.join(box.corpus, name), at, at);
    }

    const started = performance.now();
    const corpus = await loadCorpus(box.corpus);
    expect(performance.now() - started).toBeLessThan(5_000);

    expect(corpus.articles.map((a) => a.file)).toEqual(['dup.txt', 'dup2.txt', 'good.txt']);
    const reasons = Object.fromEntries(corpus.errors.map((e) => [e.file, e.reason]));
    expect(reasons).toEqual({
      'empty.txt': expect.stringMatching(/no article text/),
      'binary.txt': expect.stringMatching(/NUL byte at byte 8: binary data/),
      'invalid-utf8.txt': expect.stringMatching(/not valid UTF-8 text/),
      'utf16-no-bom.txt': expect.stringMatching(/NUL byte .*UTF-16 text without a byte order mark/),
      'utf32.txt': expect.stringMatching(/UTF-32 text is not read/),
      'escapes.txt': expect.stringMatching(/control character U\+001B at character 26/),
      'not-yaml.md': expect.stringMatching(/^front matter: (invalid YAML|metadata must be a YAML mapping)/),
      'scalar-front-matter.md': expect.stringMatching(/^front matter: metadata must be a YAML mapping/),
      'toml.md': expect.stringMatching(/TOML, which is not read/),
      'unclosed.md': expect.stringMatching(/no closing "---" line/),
      'bomb.md': expect.stringMatching(/^front matter: invalid YAML: Excessive alias count/),
      'bomb-sidecar.txt': expect.stringMatching(/^sidecar bomb-sidecar\.meta\.yaml: invalid YAML: Excessive alias count/),
      'dup.md': 'duplicate article id "dup": dup.txt has it too and is the one loaded (the older file); rename or remove this one',
      'dup2.TXT': 'duplicate article id "dup2": dup2.txt has it too and is the one loaded (the older file); rename or remove this one',
    });
  });

  it('decodes UTF-16 text with a byte order mark, little- and big-endian, and a UTF-8 byte order mark', async () => {
    const text = 'Lee’s visit to Beijing began on Sunday. 習近平 greeted him.\n';
    await write('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await write('be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    await write('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    await write('odd-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x41])]));
    await write('lone-surrogate.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]));
    const corpus = await loadCorpus(box.corpus);
    expect(corpus.articles.map((a) => a.file)).toEqual(['be.md', 'le.txt', 'utf8-bom.txt']);
    for (const article of corpus.articles) {
      expect(article.sentences.map((s) => s.text)).toEqual(['Lee’s visit to Beijing began on Sunday.', '習近平 greeted him.']);
    }
    expect(corpus.errors).toEqual([
      { file: 'lone-surrogate.txt', reason: expect.stringMatching(/UTF-16LE byte order mark but is not valid UTF-16 text/) },
      { file: 'odd-utf16.txt', reason: expect.stringMatching(/UTF-16LE byte order mark but is not valid UTF-16 text/) },
    ]);
  });

  it('refuses a 50 MB file (and an oversized sidecar) by their size, before reading them', async () => {
    await write('good.txt', GOOD);
    // Sparse: 50 MB long but nothing on disk. Were it read, it would be refused for its NUL bytes instead.
    await write('huge.txt', '');
    await truncate(path.join(box.corpus, 'huge.txt'), 50 * 1024 * 1024);
    await write('fat-sidecar.txt', GOOD);
    await write('fat-sidecar.meta.yaml', '');
    await truncate(path.join(box.corpus, 'fat-sidecar.meta.yaml'), MAX_SIDECAR_FILE_BYTES + 1);
    const corpus = await loadCorpus(box.corpus);
    expect(corpus.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(corpus.errors).toEqual([
      {
        file: 'fat-sidecar.txt',
        reason: 'sidecar fat-sidecar.meta.yaml: the file is 65537 bytes; files of at most 65536 bytes are read (is it really an article?)',
      },
      { file: 'huge.txt', reason: 'the file is 50 MB; files of at most 10 MB are read (is it really an article?)' },
    ]);
    expect(MAX_ARTICLE_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('never follows a symbolic link out of the folder (article, sidecar or folder), and names each link', async () => {
    await write('good.txt', GOOD);
    await symlink(path.join(box.outside, 'secret.txt'), path.join(box.corpus, 'escape.txt'));
    await symlink('../outside/secret.txt', path.join(box.corpus, 'relative-escape.md'));
    await symlink('/etc/passwd', path.join(box.corpus, 'passwd.txt'));
    await symlink(path.join(box.outside, 'secret.meta.yaml'), path.join(box.corpus, 'good.meta.yaml'));
    await symlink(box.outside, path.join(box.corpus, 'folder.txt'));
    await symlink(path.join(box.outside, 'missing.txt'), path.join(box.corpus, 'dangling.txt'));
    const outsideBefore = await snapshotTree(box.outside);

    const corpus = await loadCorpus(box.corpus);
    expect(corpus.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(corpus.articles[0]?.meta.title).toBeNull();
    expect(corpus.articles.flatMap((a) => a.sentences.map((s) => s.text))).not.toContain(SECRET);
    expect(corpus.errors).toEqual(
      ['dangling.txt', 'escape.txt', 'folder.txt', 'good.meta.yaml', 'passwd.txt', 'relative-escape.md'].map((file) => ({
        file,
        reason: SYMLINK_REASON,
      })),
    );
    expect(await snapshotTree(box.outside)).toEqual(outsideBefore);
  });

  it.runIf(hasMkfifo())('names a FIFO with an article’s name without opening it for a blocking read', async () => {
    await write('good.txt', GOOD);
    execFileSync('mkfifo', [path.join(box.corpus, 'pipe.txt')]);
    const corpus = await loadCorpus(box.corpus);
    expect(corpus.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(corpus.errors).toEqual([{ file: 'pipe.txt', reason: expect.stringMatching(/not a regular file/) }]);
  });

  it('bounds YAML alias expansion in metadata', () => {
    const started = performance.now();
    expect(() => parseMetaYaml(BILLION_LAUGHS)).toThrow(new RegExp(`Excessive alias count.*at most ${MAX_YAML_ALIAS_COUNT} are expanded`));
    expect(performance.now() - started).toBeLessThan(1_000);
    // A harmless alias or two still works.
    expect(parseMetaYaml('source: &s Yonhap\nnote: *s\n')).toEqual({ source: 'Yonhap', note: 'Yonhap' });
  });
});

describe('moderators’ changes, given hostile names and content', () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let service: AnswerService;
  let store: CorpusStore;
  let random = 0;

  beforeEach(async () => {
    box = await sandbox();
    await writeFile(path.join(box.corpus, 'good.txt'), GOOD);
    await writeFile(path.join(box.corpus, 'other.txt'), 'Kang Yu-jung spoke for the presidential office on Tuesday.\n');
    const { logger } = memoryLogger();
    service = new AnswerService(box.corpus, logger, { build: buildCorpus });
    await service.open();
    store = new CorpusStore(service, logger, { randomHex: () => (++random).toString(16).padStart(8, '0') });
  });
  afterEach(async () => {
    await rm(box.root, { recursive: true, force: true });
  });

  it.each(['../../etc/passwd', '../outside/secret', '/etc/passwd', '..', '.', '.removed', '', 'good/../good', 'good\\..\\x', 'good\u0000'])(
    'remove %j: refused as not an article id, nothing moved in or out of the folder',
    async (id) => {
      const before = { corpus: await snapshotTree(box.corpus), outside: await snapshotTree(box.outside) };
      const outcome = await store.remove(ACTOR, id);
      expect(outcome).toMatchObject({ applied: false, articleId: id });
      expect(outcome.reason).toMatch(/^no article with id/);
      expect(await snapshotTree(box.corpus)).toEqual(before.corpus);
      expect(await snapshotTree(box.outside)).toEqual(before.outside);
    },
  );

  it.each([
    '../../etc/passwd.txt',
    '../outside/secret.txt',
    '/tmp/../../etc/cron.d/evil.md',
    '..\\..\\windows\\evil.txt',
    '.hidden.txt',
    '..txt',
  ])('add %j: written inside the folder under a new safe name, never where the name points', async (fileName) => {
    const rootBefore = (await readdir(box.root)).sort();
    const outsideBefore = await snapshotTree(box.outside);
    const outcome = await store.add(ACTOR, { fileName, content: Buffer.from('Lee met Xi in Beijing on Monday for talks.\n') });
    expect(outcome.applied).toBe(true);
    expect(outcome.file).toMatch(/^[a-z0-9-]+-[0-9a-f]{8}\.(txt|md)$/);
    expect((await readdir(box.corpus)).sort()).toContain(outcome.file);
    expect((await readdir(box.root)).sort()).toEqual(rootBefore);
    expect(await snapshotTree(box.outside)).toEqual(outsideBefore);
  });

  it('add: stores a UTF-16 upload with a byte order mark as UTF-8', async () => {
    const text = 'Lee met Xi in Beijing on Monday for talks.\n';
    const outcome = await store.add(ACTOR, {
      fileName: 'windows.txt',
      content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    });
    expect(outcome.applied).toBe(true);
    expect(await readFile(path.join(box.corpus, outcome.file!), 'utf8')).toBe(text);
  });

  it.each([
    [
      'a PNG named .txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      /NUL byte at byte 8: binary data/,
    ],
    ['Latin-1 text', Buffer.from('Lee visited a caf\xe9 in Seoul.\n', 'latin1'), /not valid UTF-8 text/],
    ['a YAML bomb in front matter', Buffer.from(`---\n${BILLION_LAUGHS}\n---\nLee met Xi.\n`), /Excessive alias count/],
  ])('add %s: refused with the reason, nothing written', async (_name, content, reason) => {
    const before = await snapshotTree(box.corpus);
    const outcome = await store.add(ACTOR, { fileName: 'upload.txt', content });
    expect(outcome).toMatchObject({ applied: false, file: 'upload.txt' });
    expect(outcome.reason).toMatch(reason);
    expect(await snapshotTree(box.corpus)).toEqual(before);
  });

  it('remove: refuses to move files through a .removed that links out of the folder', async () => {
    await symlink(box.outside, path.join(box.corpus, REMOVED_DIR));
    const outsideBefore = await snapshotTree(box.outside);
    await expect(store.remove(ACTOR, 'good')).rejects.toThrow(/is not a folder \(a symbolic link\?\)/);
    expect(await readdir(box.corpus)).toContain('good.txt');
    expect(await snapshotTree(box.outside)).toEqual(outsideBefore);
    expect(service.current.articles.map((a) => a.id)).toEqual(['good', 'other']);
  });
});
