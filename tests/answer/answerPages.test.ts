// Paging an answer (AnswerOptions.offset, Answer.moreExcerpts): what the More excerpts button shows.

import { describe, expect, it } from 'vitest';
import { AnswerEngine, DEFAULT_EXCERPTS, MAX_EXCERPTS } from '../../src/answer/engine.js';
import { pagingArticle, PAGING_ARTICLE } from '../support/pagingCorpus.js';
import { sampleArticles } from '../support/sampleCorpus.js';

const engine = AnswerEngine.fromArticles([...sampleArticles(), pagingArticle()]);
const texts = (excerpts: ReadonlyArray<{ text: string }>) => excerpts.map((e) => e.text);

describe('answer pages', () => {
  it('says how many relevant excerpts follow the ones shown', () => {
    const first = engine.answer('what', PAGING_ARTICLE.subject);
    expect(first.excerpts).toHaveLength(DEFAULT_EXCERPTS);
    expect(first.moreExcerpts).toBeGreaterThan(0);
  });

  it('pages through the same excerpts, in the same order, without repeating one', () => {
    const all = engine.answer('what', PAGING_ARTICLE.subject, { maxExcerpts: MAX_EXCERPTS });
    const page1 = engine.answer('what', PAGING_ARTICLE.subject, { maxExcerpts: 3 });
    const page2 = engine.answer('what', PAGING_ARTICLE.subject, { maxExcerpts: 3, offset: 3 });
    expect([...texts(page1.excerpts), ...texts(page2.excerpts)].slice(0, MAX_EXCERPTS)).toEqual(texts(all.excerpts));
    expect(new Set([...texts(page1.excerpts), ...texts(page2.excerpts)]).size).toBe(page1.excerpts.length + page2.excerpts.length);
    expect(page1.moreExcerpts).toBe(page2.excerpts.length + (page2.moreExcerpts ?? 0));
    // The short answer stays the best sentence's on every page.
    expect(page2.answer).toBe(page1.answer);
  });

  it('has nothing more past the last page', () => {
    const first = engine.answer('what', PAGING_ARTICLE.subject);
    const total = first.excerpts.length + (first.moreExcerpts ?? 0);
    const past = engine.answer('what', PAGING_ARTICLE.subject, { offset: total });
    expect(past.excerpts).toEqual([]);
    expect(past.moreExcerpts).toBe(0);
  });

  it('has nothing more for a question it cannot answer', () => {
    const notFound = engine.answer('who', 'Zyxwv Qwerty');
    expect(notFound.status).toBe('not-found');
    expect(notFound.moreExcerpts ?? 0).toBe(0);
  });
});
