/** The two real seed articles in corpus/: exact sentence counts and sentences, checked by hand. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { splitSentences } from '../../src/corpus/splitSentences.js';

const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const ARTICLE_000 = '000_c04b76726293f929';
const ARTICLE_004 = '004_938c1e847226fab2';
const HEADLINE_004 =
  'President Lee Jae Myung visits Beijing seeking stronger economic ties and China’s help with North Korea, while carefully navigating Taiwan tensions';

function readSeed(id: string): Promise<string> {
  return readFile(path.join(CORPUS_DIR, `${id}.txt`), 'utf8');
}

describe(`seed ${ARTICLE_000}`, () => {
  it('has no headline and 18 sentences: 16 lines, two of them holding two sentences, and "End of Article" dropped', async () => {
    const { headline, sentences } = splitSentences(await readSeed(ARTICLE_000));
    expect(headline).toBeNull();
    expect(sentences).toHaveLength(18);
    expect(sentences[0]).toBe(
      'South Korean President Lee Jae Myung will visit China from January 4 to 7 and meet Chinese counterpart Xi Jinping, the Blue House said on Tuesday, aiming to keep up momentum to restore bilateral ties.',
    );
    expect(sentences[5]).toBe(
      'Lee will also discuss plans with Xi to reach concrete outcomes in areas such as supply chains and geopolitical issues in the region, presidential spokesperson Kang Yu-jung told a briefing.',
    );
    expect(sentences[6]).toBe('China’s Foreign Ministry also confirmed the trip on Tuesday.');
    expect(sentences[7]).toBe(
      'Amid tensions between China and Taiwan, the meet will lead both nations to obtain mutual understanding.',
    );
    expect(sentences[8]).toBe('Lee will then head to economic powerhouse Shanghai for two days.');
    expect(sentences[15]).toBe(
      '“On that front, there is still an expectation that China could help open a channel for dialogue with Pyongyang,” he said.',
    );
    expect(sentences[17]).toBe(
      'Asked this month whether he would side with Japan in an escalating row with China, Lee told journalists “taking sides only worsens tensions”.',
    );
    expect(sentences.some((sentence) => sentence.includes('End of Article'))).toBe(false);
  });
});

describe(`seed ${ARTICLE_004}`, () => {
  it('has a headline and 21 sentences (the headline and 20 body lines)', async () => {
    const { headline, sentences } = splitSentences(await readSeed(ARTICLE_004));
    expect(headline).toBe(HEADLINE_004);
    expect(sentences).toHaveLength(21);
    expect(sentences[0]).toBe(HEADLINE_004);
    expect(sentences[1]).toBe(
      'SEOUL: South Korean President Lee Jae Myung heads to China on Sunday, aiming to strengthen economic cooperation with Seoul’s largest trading partner while avoiding contentious issues like Taiwan.',
    );
    expect(sentences[10]).toBe('“Taking sides only worsens tensions,” he told journalists last month.');
    expect(sentences[12]).toBe(
      'In a Friday interview with Chinese state broadcaster CCTV, Lee said he “clearly affirms” that “respecting the ‘one-China’ principle and maintaining peace and stability in Northeast Asia, including in the Taiwan Strait, are very important”.',
    );
    expect(sentences[20]).toBe(
      '“China’s official position is that there is no such thing as a ban on Korean content, but from our perspective the situation looks somewhat different,” said presidential adviser Wi Sung-lac.',
    );
  });

  it('gives the same result when "End of Article" from a previous page is glued to its first line', async () => {
    const plain = splitSentences(await readSeed(ARTICLE_004));
    const glued = splitSentences(`End of Article${await readSeed(ARTICLE_004)}`);
    expect(glued).toEqual(plain);
  });
});

describe('the real corpus folder', () => {
  it('loads both seeds without errors, with their sidecar metadata and nothing invented', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    expect(corpus.errors).toEqual([]);

    const article000 = corpus.articles.find((article) => article.id === ARTICLE_000);
    const article004 = corpus.articles.find((article) => article.id === ARTICLE_004);
    expect(article000?.sentences).toHaveLength(18);
    expect(article000?.headline).toBeNull();
    expect(article000?.meta).toMatchObject({
      title: null,
      source: null,
      url: null,
      published: null,
      publishedInferred: '2025-12-30',
      language: 'en',
    });
    expect(article000?.meta.note).toMatch(/inferred from the text/);

    expect(article004?.sentences).toHaveLength(21);
    expect(article004?.sentences[0]).toEqual({
      articleId: ARTICLE_004,
      position: 1,
      text: HEADLINE_004,
      isHeadline: true,
    });
    expect(article004?.meta).toMatchObject({
      title: null,
      source: null,
      url: null,
      published: null,
      publishedInferred: '2026-01-04',
      language: 'en',
    });
  });
});
