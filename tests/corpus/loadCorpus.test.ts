import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusFileError } from '../../src/corpus/corpusFileError.js';
import { SKIPPED_FOLDER_REASON, SKIPPED_HIDDEN_REASON, SKIPPED_OTHER_REASON, loadCorpus, parseArticle } from '../../src/corpus/loadCorpus.js';

const GOOD_TEXT = 'Lee visits Beijing seeking stronger economic ties\nLee left Seoul on Sunday. Xi greeted him.\n';

describe('parseArticle', () => {
  it('numbers sentences from 1 with the headline first', () => {
    const article = parseArticle({ id: 'a', file: 'a.txt', content: GOOD_TEXT });
    expect(article.headline).toBe('Lee visits Beijing seeking stronger economic ties');
    expect(article.sentences).toEqual([
      { articleId: 'a', position: 1, text: 'Lee visits Beijing seeking stronger economic ties', isHeadline: true },
      { articleId: 'a', position: 2, text: 'Lee left Seoul on Sunday.', isHeadline: false },
      { articleId: 'a', position: 3, text: 'Xi greeted him.', isHeadline: false },
    ]);
  });

  it('leaves every metadata field null when none is given', () => {
    const article = parseArticle({ id: 'a', file: 'a.txt', content: GOOD_TEXT });
    expect(article.meta).toEqual({
      title: null,
      source: null,
      url: null,
      published: null,
      publishedInferred: null,
      language: null,
      note: null,
    });
  });

  it('merges sidecar and front matter field by field, the front matter winning', () => {
    const article = parseArticle({
      id: 'a',
      file: 'a.md',
      content: `---\nsource: Yonhap\ntitle: From front matter\n---\n${GOOD_TEXT}`,
      sidecar: 'source: AFP\nlanguage: en\n',
    });
    expect(article.meta).toMatchObject({ source: 'Yonhap', title: 'From front matter', language: 'en', url: null });
    expect(article.sentences[1]?.text).toBe('Lee left Seoul on Sunday.');
  });

  it('does not count front matter as article text', () => {
    const article = parseArticle({ id: 'a', file: 'a.md', content: `---\ntitle: Lee\n---\n${GOOD_TEXT}` });
    expect(article.sentences.map((sentence) => sentence.text)).not.toContain('title: Lee');
    expect(article.sentences).toHaveLength(3);
  });

  it.each([
    ['an empty file', '', undefined, /no article text/],
    ['only front matter', '---\ntitle: Lee\n---\n\n', undefined, /no article text/],
    ['only boilerplate', 'Advertisement\nWorld\nEnd of Article\n', undefined, /no sentences: the file holds only boilerplate/],
    ['bad front matter', '---\npublished: yesterday\n---\nText.', undefined, /front matter: invalid metadata: published/],
    ['a bad sidecar', GOOD_TEXT, 'published: [2026]', /sidecar a\.meta\.yaml: invalid metadata: published/],
    ['NUL characters', 'Text.\u0000\u0000', undefined, /NUL byte/],
    ['replacement characters', 'Lee\uFFFDs visit.', undefined, /replacement character U\+FFFD/],
  ])('throws a CorpusFileError naming the file for %s', (_case, content, sidecar, reason) => {
    const parse = () => parseArticle({ id: 'a', file: 'a.txt', content, sidecar });
    expect(parse).toThrow(CorpusFileError);
    expect(parse).toThrow(reason);
    expect(parse).toThrow(/^a\.txt: /);
  });
});

describe('loadCorpus', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'corpus-test-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, content: string | Uint8Array): Promise<void> {
    await writeFile(path.join(dir, name), content);
  }

  /** Sets a file's modification time to `minutes` after an arbitrary fixed moment. */
  async function touch(name: string, minutes: number): Promise<void> {
    const at = new Date(Date.UTC(2026, 0, 4) + minutes * 60_000);
    await utimes(path.join(dir, name), at, at);
  }

  it('loads good files and reports each broken file with its reason', async () => {
    await write('b_good.txt', GOOD_TEXT);
    await write('a_good.md', `---\nsource: Yonhap\npublished: 2026-01-03\n---\n# Lee lands in Beijing for talks with Xi\n\nLee landed on Sunday.\n`);
    await write('c_bad_front_matter.md', '---\ntitle: [unclosed\n---\nLee landed on Sunday.\n');
    await write('d_empty.txt', '');
    await write('e_dup.txt', GOOD_TEXT);
    await write('e_dup.md', GOOD_TEXT);
    await touch('e_dup.txt', 0);
    await touch('e_dup.md', 10);
    await write('f_latin1.txt', Buffer.from('Lee visited a caf\xe9 in Seoul.', 'latin1'));
    await write('g_utf16.txt', Buffer.from('\uFEFFLee left Seoul.', 'utf16le'));
    await write('h_mojibake.txt', 'Lee\uFFFDs visit began on Sunday.\n');
    await write('i_bad_sidecar.txt', GOOD_TEXT);
    await write('i_bad_sidecar.meta.yaml', 'published: 3 January\n');
    await write('j_orphan.meta.yaml', 'language: en\n');

    const corpus = await loadCorpus(dir);

    // UTF-16 with a byte order mark is decoded (see tests/security/hostileCorpusFiles.test.ts).
    expect(corpus.articles.map((article) => article.id)).toEqual(['a_good', 'b_good', 'e_dup', 'g_utf16']);
    expect(corpus.articles[3]?.sentences.map((s) => s.text)).toEqual(['Lee left Seoul.']);
    expect(corpus.articles[0]?.headline).toBe('Lee lands in Beijing for talks with Xi');
    expect(corpus.articles[0]?.meta).toMatchObject({ source: 'Yonhap', published: '2026-01-03', title: null });

    const reasons = Object.fromEntries(corpus.errors.map((error) => [error.file, error.reason]));
    expect(Object.keys(reasons)).toEqual([
      'c_bad_front_matter.md',
      'd_empty.txt',
      'e_dup.md',
      'f_latin1.txt',
      'h_mojibake.txt',
      'i_bad_sidecar.txt',
      'j_orphan.meta.yaml',
    ]);
    expect(reasons['c_bad_front_matter.md']).toMatch(/^front matter: invalid YAML/);
    expect(reasons['d_empty.txt']).toMatch(/no article text/);
    expect(reasons['e_dup.md']).toBe('duplicate article id "e_dup": e_dup.txt has it too and is the one loaded (the older file); rename or remove this one');
    expect(reasons['f_latin1.txt']).toMatch(/not valid UTF-8/);
    expect(reasons['h_mojibake.txt']).toMatch(/replacement character U\+FFFD/);
    expect(reasons['i_bad_sidecar.txt']).toMatch(/^sidecar i_bad_sidecar\.meta\.yaml: invalid metadata: published/);
    expect(reasons['j_orphan.meta.yaml']).toMatch(/sidecar without an article/);
  });

  it('reads a sidecar next to a .txt file', async () => {
    await write('a.txt', GOOD_TEXT);
    await write('a.meta.yaml', 'source: AFP\nlanguage: en\npublished_inferred: 2026-01-04\nnote: From the text.\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.errors).toEqual([]);
    expect(corpus.articles[0]?.meta).toEqual({
      title: null,
      source: 'AFP',
      url: null,
      published: null,
      publishedInferred: '2026-01-04',
      language: 'en',
      note: 'From the text.',
    });
  });

  it('names each entry it does not read (a folder, a hidden file, another kind of file), but not its own .removed/ and .tmp-*', async () => {
    await write('a.txt', GOOD_TEXT);
    await write('.draft.txt', GOOD_TEXT);
    await write('notes.json', '{}');
    await write('README', 'Not an article.');
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', 'b.txt'), GOOD_TEXT);
    await mkdir(path.join(dir, 'folder.txt'));
    await mkdir(path.join(dir, '.git'));
    await mkdir(path.join(dir, '.removed'));
    await writeFile(path.join(dir, '.removed', 'old.txt'), GOOD_TEXT);
    await write('.tmp-0a1b2c3d-upload.txt', GOOD_TEXT);

    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((article) => article.file)).toEqual(['a.txt']);
    expect(corpus.errors).toEqual([
      { file: '.draft.txt', reason: SKIPPED_HIDDEN_REASON, skipped: true },
      { file: '.git', reason: SKIPPED_HIDDEN_REASON, skipped: true },
      { file: 'README', reason: SKIPPED_OTHER_REASON, skipped: true },
      { file: 'folder.txt', reason: SKIPPED_FOLDER_REASON, skipped: true },
      { file: 'notes.json', reason: SKIPPED_OTHER_REASON, skipped: true },
      { file: 'sub', reason: SKIPPED_FOLDER_REASON, skipped: true },
    ]);
    expect(SKIPPED_FOLDER_REASON).toBe('skipped: a folder (articles are read from the corpus folder itself, not from sub-folders)');
  });

  it('keeps the article that was there when an x.md is added beside x.txt, and refuses the newcomer, naming both', async () => {
    await write('x.txt', GOOD_TEXT);
    await touch('x.txt', 0);
    await write('x.md', '---\ntitle: The newcomer\n---\nXi met Lee in Beijing on Monday.\n');
    await touch('x.md', 60);
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((article) => article.file)).toEqual(['x.txt']);
    expect(corpus.errors).toEqual([
      { file: 'x.md', reason: 'duplicate article id "x": x.txt has it too and is the one loaded (the older file); rename or remove this one' },
    ]);
  });

  it('of files sharing an id loads the older whatever its extension, and .txt before .md when they are as old', async () => {
    for (const name of ['old.md', 'old.txt', 'tie.md', 'tie.txt', 'three.TXT', 'three.md', 'three.txt']) await write(name, GOOD_TEXT);
    await touch('old.md', 0);
    await touch('old.txt', 5);
    await touch('tie.md', 0);
    await touch('tie.txt', 0);
    await touch('three.md', 9);
    await touch('three.txt', 3);
    await touch('three.TXT', 7);
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((article) => article.file)).toEqual(['old.md', 'three.txt', 'tie.txt']);
    expect(corpus.errors.map((error) => [error.file, error.reason.match(/: (\S+) has it too/)?.[1]])).toEqual([
      ['old.txt', 'old.md'],
      ['three.TXT', 'three.txt'],
      ['three.md', 'three.txt'],
      ['tie.md', 'tie.txt'],
    ]);
  });

  it('loads files in sorted name order whatever order they were written in', async () => {
    for (const name of ['c.txt', 'a.txt', 'b.md']) await write(name, GOOD_TEXT);
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((article) => article.file)).toEqual(['a.txt', 'b.md', 'c.txt']);
  });

  it('rejects when the folder itself cannot be listed', async () => {
    await expect(loadCorpus(path.join(dir, 'missing'))).rejects.toThrow(/cannot list corpus folder .*missing/);
  });
});
