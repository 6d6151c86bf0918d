// Rendering for Discord: Discord's limits respected whatever the answer holds (long text is cut at
// a word with an ellipsis, never rejected), bold markers always paired, Markdown and mentions
// escaped.

import { describe, expect, it } from 'vitest';
import { articleLabel } from '../../src/answer/articleLabel.js';
import { readQuestion } from '../../src/answer/question.js';
import { renderAnswerText } from '../../src/answer/render.js';
import type { Answer, Citation, Excerpt } from '../../src/answer/types.js';
import type { ArticleInfo } from '../../src/search/corpusIndex.js';
import { answerEmbed, renderAnswerMessage } from '../../src/discord/answerMessage.js';
import { changeSummary, corpusListMessage, sourcesMessage } from '../../src/discord/corpusMessages.js';
import { embedLength, fitEmbed } from '../../src/discord/embedFit.js';
import { highlightedWithin } from '../../src/discord/highlight.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { suggestionChoices } from '../../src/discord/questionCommand.js';
import { ELLIPSIS, joinLinesWithin, truncate } from '../../src/text/truncate.js';
import type { ChangeOutcome } from '../../src/service/corpusStore.js';
import { sampleEngine } from '../support/sampleCorpus.js';

const LIMITS = DISCORD_LIMITS.embed;

function words(n: number, word = 'lorem'): string {
  return Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
}

function citation(i: number, long = false): Citation {
  const meta = {
    title: long ? `A very long title ${words(80)}` : `Title ${i}`,
    source: long ? `Publisher ${words(40)}` : 'Wire',
    url: long ? `https://example.org/${'x'.repeat(400)}` : `https://example.org/${i}`,
    published: '2026-01-03',
    publishedInferred: null,
  };
  return {
    articleId: `article-${i}`,
    title: meta.title,
    source: meta.source,
    url: meta.url,
    position: i + 1,
    label: articleLabel({ meta, headline: null }, null),
  };
}

function excerpt(text: string, highlight: { start: number; end: number } | null, extra: Partial<Excerpt> = {}): Excerpt {
  return { text, context: null, citations: [citation(0)], highlight, score: 1, ...extra };
}

function answer(excerpts: Excerpt[], short: string | null = 'Monday', query = 'summit with Xi'): Answer {
  return { question: readQuestion('when', query), status: 'answered', answer: short, answerDate: null, excerpts, articleCount: 7 };
}

/** Bold markers come in pairs (escaped asterisks do not count). */
function boldPairs(text: string): boolean {
  return (text.replace(/\\\*/g, '').match(/\*\*/g) ?? []).length % 2 === 0;
}

function expectWithinLimits(embed: ReturnType<typeof answerEmbed>): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(boldPairs(field.value)).toBe(true);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.total);
}

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('short text', 10)).toBe('short text');
  });

  it('cuts at a word with an ellipsis', () => {
    const cut = truncate('the quick brown fox jumps over the lazy dog', 20);
    expect(cut).toBe(`the quick brown fox${ELLIPSIS}`);
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('cuts inside a very long word rather than losing most of the room', () => {
    const cut = truncate(`a ${'x'.repeat(100)}`, 50);
    expect(cut).toHaveLength(50);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('😀'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe(`😀😀${ELLIPSIS}`);
  });

  it('joinLinesWithin keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line number ${i}`);
    const joined = joinLinesWithin(lines, 100, (n) => `…and ${n} more`);
    expect(joined.length).toBeLessThanOrEqual(100);
    expect(joined.split('\n').at(-1)).toMatch(/^…and \d+ more$/);
    const shown = joined.split('\n').length - 1;
    expect(joined).toContain(`…and ${50 - shown} more`);
    expect(joinLinesWithin(['a', 'b'], 100, () => 'x')).toBe('a\nb');
  });
});

describe('answer rendering', () => {
  it('puts the short answer first, the answer span in bold, the citation and a footer with the article count', () => {
    const text = 'A summit with Xi is planned for Monday, followed by trade talks.';
    const start = text.indexOf('Monday');
    const embed = answerEmbed(answer([excerpt(text, { start, end: start + 6 })]));
    expect(embed.title).toBe('Monday');
    expect(embed.fields?.[0]?.name).toBe('1. Title 0');
    // The article's name is the field's name; under the sentence, its publisher, date, link and the sentence's position; no file id.
    expect(embed.fields?.[0]?.value).toBe(
      '> A summit with Xi is planned for **Monday**, followed by trade talks.\n— Wire · 3 January 2026 · [link](https://example.org/0) · sentence 1',
    );
    expect(embed.footer?.text).toContain('Searched 7 articles');
  });

  it('is the embed alone: the short answer, each excerpt and each citation shown once', () => {
    const text = 'A summit with Xi is planned for Monday, followed by trade talks.';
    const start = text.indexOf('Monday');
    const also = { ...excerpt('Talks follow on Tuesday.', null), citations: [citation(1), citation(2)] };
    const message = renderAnswerMessage(answer([excerpt(text, { start, end: start + 6 }), also]));
    expect(message.content).toBeUndefined();
    expect(message.embeds).toHaveLength(1);
    const shown = JSON.stringify(message);
    const count = (needle: string) => shown.split(needle).length - 1;
    expect(count('Monday')).toBe(2); // the title, and the answer in bold in the sentence
    expect(count('followed by trade talks')).toBe(1);
    expect(count('Talks follow on Tuesday')).toBe(1);
    for (const title of ['Title 0', 'Title 1', 'Title 2']) expect(count(title)).toBe(1);
    expect(shown).toContain('also: Title 2 · Wire · 3 January 2026 · [link](https://example.org/2) · sentence 3');
    expect(shown).not.toContain('article-');
  });

  it('lists at most three other articles saying the same, and counts the rest', () => {
    const many = { ...excerpt('Talks follow on Tuesday.', null), citations: Array.from({ length: 6 }, (_, i) => citation(i)) };
    const value = answerEmbed(answer([many])).fields?.[0]?.value ?? '';
    expect(value.match(/^also: /gm)).toHaveLength(3);
    expect(value).toContain('also in 2 more articles');
  });

  it('shows the context sentence in italics before the excerpt', () => {
    const embed = answerEmbed(answer([excerpt('He said so on Monday.', { start: 14, end: 20 }, { context: 'Lee spoke in Seoul.' })]));
    expect(embed.fields?.[0]?.value.startsWith('> _Lee spoke in Seoul._\n> He said so on **Monday**.')).toBe(true);
  });

  it('respects every embed limit with huge sentences, contexts, titles and many citations', () => {
    const long = words(700);
    const start = long.indexOf('lorem650');
    const excerpts = Array.from({ length: 5 }, (_, i) =>
      excerpt(
        long,
        { start, end: start + 8 },
        { context: words(400, 'ctx'), citations: Array.from({ length: 12 }, (_, j) => citation(i * 12 + j, true)) },
      ),
    );
    const rendered = answer(excerpts, 'x'.repeat(300), 'q'.repeat(300));
    const embed = answerEmbed(rendered);
    expectWithinLimits(embed);
    expect(embed.fields?.[0]?.value).toContain(ELLIPSIS);
    // A long title is shortened once, in the article's label: the field's name is that label.
    expect(embed.fields?.[0]?.name).toBe(`1. ${excerpts[0]!.citations[0]!.label.name}`);
  });

  it('keeps the bold span when the sentence must be cut after it', () => {
    const text = `On Monday ${words(400)}`;
    const cut = highlightedWithin(excerpt(text, { start: 3, end: 9 }), 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.startsWith('On **Monday** ')).toBe(true);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
  });

  it('escapes Markdown and defuses mentions in article text, answers and the echoed query', () => {
    const text = 'Fans shouted @everyone and *stars* at <@123> on Monday.';
    const start = text.indexOf('Monday');
    const rendered = answer([excerpt(text, { start, end: start + 6 })], '@here *now*', 'who said **@everyone**');
    const { embeds } = renderAnswerMessage(rendered);
    expect(embeds?.[0]?.author?.name).toBe('/when who said **@\u200beveryone**');
    expect(JSON.stringify(embeds)).not.toMatch(/@everyone|@here/);
    expect(embeds?.[0]?.fields?.[0]?.value).toContain('@\u200beveryone and \\*stars\\*');
    expect(embeds?.[0]?.title).toBe('@\u200bhere \\*now\\*');
  });

  it('a not-found answer is plain text, no embed', () => {
    const notFound: Answer = {
      question: readQuestion('who', 'Elon Musk'),
      status: 'not-found',
      answer: null,
      answerDate: null,
      excerpts: [],
      articleCount: 2,
    };
    expect(renderAnswerMessage(notFound)).toEqual({ content: 'I found nothing about “Elon Musk” in the corpus (2 articles searched).' });
  });

  it('fitEmbed keeps at most 25 fields and 6000 characters in all', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ name: `field ${i}`, value: 'v'.repeat(1_500) }));
    const { embed, dropped } = fitEmbed({
      title: 't'.repeat(300),
      description: 'd'.repeat(5_000),
      fields,
      footer: { text: 'f'.repeat(3_000) },
    });
    expectWithinLimits(embed);
    expect(dropped).toBeGreaterThanOrEqual(15);
  });
});

describe('ask’s reply text and the Discord embed', () => {
  it('show the same parts: the short answer, each sentence quoted, each citation by the same label', () => {
    const engine = sampleEngine();
    for (const [command, query] of [
      ['when', 'Arctic Trade Fair'],
      ['who', 'port director'],
      ['what', 'fishing quotas'],
    ] as const) {
      const rendered = engine.answer(command, query);
      expect(rendered.status, `${command} ${query}`).toBe('answered');
      const text = renderAnswerText(rendered);
      const embed = answerEmbed(rendered);
      expect(text.split('\n')[0]!.replace(/\*\*/g, '').replace(/:$/, '')).toBe(embed.title);
      const fields = embed.fields ?? [];
      expect(fields).toHaveLength(rendered.excerpts.length);
      for (const field of fields) {
        const lines = field.value.split('\n');
        for (const quoted of lines.filter((line) => line.startsWith('> '))) expect(text).toContain(quoted);
        // The field's name and the citation under its sentence make the text's citation line.
        const details = lines
          .find((line) => line.startsWith('— '))!
          .slice(2)
          .replace(/\[link\]\(([^)]+)\)/g, '<$1>');
        expect(text.split('\n')).toContain(`${field.name} · ${details}`);
      }
    }
  });
});

describe('corpus messages', () => {
  function article(i: number): ArticleInfo {
    return {
      key: i,
      id: `article-${i}`,
      file: `article-${i}.txt`,
      meta: {
        title: `Title ${i} ${words(10)}`,
        source: i % 2 === 0 ? 'Wire' : null,
        url: `https://example.org/${i}`,
        published: i % 3 === 0 ? '2026-01-02' : null,
        publishedInferred: '2026-01-01',
        language: null,
        note: null,
      },
      headline: null,
      sentenceCount: 1,
      firstRef: i,
    };
  }

  const labelOf = (a: ArticleInfo) => articleLabel(a, `The first sentence of article ${a.id} says what it is about.`);

  it('/sources marks inferred dates and fits many articles in one embed, its counts shown once', () => {
    const message = sourcesMessage(
      Array.from({ length: 300 }, (_, i) => article(i)),
      labelOf,
    );
    expect(message.content).toBeUndefined();
    const embed = message.embeds![0]!;
    expectWithinLimits(embed);
    expect(embed.title).toBe('Sources (300 articles, 300 sentences)');
    expect(embed.description).toContain('2 January 2026 ·');
    expect(embed.description).toContain('1 January 2026 (inferred)');
    expect(embed.description).toContain('[link](https://example.org/1)');
    expect(embed.description).toContain('1 sentence · `article-1`');
    expect(embed.description).toMatch(/…and \d+ more articles$/);
  });

  it('/sources names an untitled article by its publisher and date, else by its first words, and gives its id', () => {
    const byPublisher: ArticleInfo = { ...article(0), meta: { ...article(0).meta, title: null } };
    const byWords: ArticleInfo = { ...article(1), meta: { ...article(1).meta, title: null } };
    const description = sourcesMessage([byPublisher, byWords], labelOf).embeds![0]!.description ?? '';
    expect(description).toContain('**1. Wire, 2 January 2026** · [link](https://example.org/0) · 1 sentence · `article-0`');
    expect(description).toContain(
      '**2. “The first sentence of article article-1 says what…”** · publisher unknown · 1 January 2026 (inferred) ·',
    );
  });

  it('/corpus list and change summaries stay within limits with many refused files', () => {
    const errors = Array.from({ length: 200 }, (_, i) => ({ file: `bad-${i}.txt`, reason: `reason ${words(30)}` }));
    const list = corpusListMessage([article(1)], errors, labelOf);
    expectWithinLimits(list.embeds![0]!);
    const outcome: ChangeOutcome = {
      action: 'reload',
      applied: true,
      reason: null,
      file: null,
      articleId: null,
      movedTo: [],
      articlesBefore: 2,
      sentencesBefore: 39,
      articles: 3,
      sentences: 50,
      errors,
    };
    const summary = changeSummary(outcome).content ?? '';
    expect(summary.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(summary).toContain('Articles: 2 → 3 · sentences: 39 → 50');
    expect(summary).toMatch(/…and \d+ more lines$/);
  });

  it('autocomplete choices: at most 25, none over 100 characters', () => {
    const choices = suggestionChoices([...Array.from({ length: 40 }, (_, i) => `name ${i}`), 'x'.repeat(101)]);
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name === c.value && c.value.length <= 100)).toBe(true);
  });
});
