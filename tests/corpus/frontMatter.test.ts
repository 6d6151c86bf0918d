import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/corpus/frontMatter.js';
import { parseMetaYaml } from '../../src/corpus/metaYaml.js';

describe('parseFrontMatter', () => {
  it('returns the whole content as body when there is no front matter', () => {
    const content = 'Lee visits Beijing\nLee left Seoul on Sunday.\n';
    expect(parseFrontMatter(content)).toEqual({ meta: {}, body: content, hasFrontMatter: false });
  });

  it('reads the fields and returns the text after the block as body', () => {
    const content = [
      '---',
      'title: Lee visits Beijing',
      'source: Yonhap',
      'url: https://example.com/lee-beijing',
      'published: 2026-01-03',
      'published_inferred: "2026-01-04"',
      'language: en',
      'note: Checked by hand.',
      '---',
      'Lee left Seoul on Sunday.',
      '',
    ].join('\n');
    expect(parseFrontMatter(content)).toEqual({
      meta: {
        title: 'Lee visits Beijing',
        source: 'Yonhap',
        url: 'https://example.com/lee-beijing',
        published: '2026-01-03',
        publishedInferred: '2026-01-04',
        language: 'en',
        note: 'Checked by hand.',
      },
      body: 'Lee left Seoul on Sunday.\n',
      hasFrontMatter: true,
    });
  });

  it('handles Windows line endings and a byte order mark', () => {
    const result = parseFrontMatter('\uFEFF---\r\nsource: Yonhap\r\n---\r\nBody text.\r\n');
    expect(result.meta).toEqual({ source: 'Yonhap' });
    expect(result.body).toBe('Body text.\r\n');
  });

  it('accepts an empty block', () => {
    expect(parseFrontMatter('---\n---\nBody text.')).toEqual({ meta: {}, body: 'Body text.', hasFrontMatter: true });
  });

  it('does not treat a "---" later in the text as front matter', () => {
    const content = 'Body text.\n---\ntitle: x\n---\n';
    expect(parseFrontMatter(content).hasFrontMatter).toBe(false);
  });

  it('refuses a block that is never closed', () => {
    expect(() => parseFrontMatter('---\ntitle: Lee\nBody text.')).toThrow(/no closing "---"/);
  });

  it('refuses bad YAML with a reason', () => {
    expect(() => parseFrontMatter('---\ntitle: [unclosed\n---\nBody.')).toThrow(/^front matter: invalid YAML/);
  });

  it('refuses a field of the wrong type, naming the field', () => {
    expect(() => parseFrontMatter('---\ntitle: 42\n---\nBody.')).toThrow(/front matter: invalid metadata: title/);
  });
});

describe('parseMetaYaml', () => {
  it('ignores unknown keys', () => {
    expect(parseMetaYaml('source: AFP\ntags: [korea, china]\n')).toEqual({ source: 'AFP' });
  });

  it('treats a key without a value as not given', () => {
    expect(parseMetaYaml('source:\nlanguage: en\n')).toEqual({ language: 'en' });
  });

  it('returns nothing for an empty document', () => {
    expect(parseMetaYaml('')).toEqual({});
    expect(parseMetaYaml('# only a comment\n')).toEqual({});
  });

  it('accepts an unquoted YAML date', () => {
    expect(parseMetaYaml('published: 2026-01-03\n')).toEqual({ published: '2026-01-03' });
  });

  it.each([
    ['a date in another format', 'published: Jan 3, 2026', /published: must be a date written YYYY-MM-DD/],
    ['a day that does not exist', 'published: 2026-02-30', /published: must be a date written YYYY-MM-DD/],
    ['a number for a date', 'published_inferred: 20260103', /published_inferred/],
    ['a list for a string', 'source: [AFP, Yonhap]', /source/],
    ['a URL that is not http(s)', 'url: ftp://example.com/a', /url: must be an http\(s\) URL/],
    ['an empty string', 'title: ""', /title: must not be empty/],
  ])('refuses %s', (_case, yaml, reason) => {
    expect(() => parseMetaYaml(yaml)).toThrow(reason);
  });

  it('refuses a document that is not a mapping', () => {
    expect(() => parseMetaYaml('- title\n- source\n')).toThrow(/must be a YAML mapping/);
  });

  it('refuses duplicate keys as invalid YAML', () => {
    expect(() => parseMetaYaml('title: a\ntitle: b\n')).toThrow(/invalid YAML/);
  });
});
