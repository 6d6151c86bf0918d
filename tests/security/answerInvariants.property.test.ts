// Property-based: whatever string is asked, with whatever command, the answering core never throws
// and every reply keeps its promises — a short answer of at most 120 characters, at most 5 excerpts,
// each excerpt (and its context) exactly a sentence of the corpus, and a Discord message within
// Discord's limits, one rendering (a text alone or one embed alone), that parses no mention and
// carries no raw mention syntax (nor any other live syntax, bidi override or tower of combining
// marks) in any of its texts. The
// corpus includes an article full of mentions and Markdown (tests/support/hostileCorpus.ts).

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine, MAX_ANSWER_LENGTH, MAX_EXCERPTS } from '../../src/answer/engine.js';
import { COMMANDS, type Command } from '../../src/answer/question.js';
import type { Answer } from '../../src/answer/types.js';
import { renderAnswerMessage } from '../../src/discord/answerMessage.js';
import { embedLength } from '../../src/discord/embedFit.js';
import { autocompleteChoices } from '../../src/discord/questionCommand.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { safeMessage, type SafeMessage } from '../../src/discord/messageOptions.js';
import { validateAutocompleteChoices, validateMessage } from '../support/fakeDiscordValidation.js';
import { MENTION_SYNTAX, hostileCorpusArticles } from '../support/hostileCorpus.js';

/** Runs per property: enough to find the usual suspects, fast enough for every `npm test`. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

let engine: AnswerEngine;
let sentences: Set<string>;
let corpusWords: string[];

beforeAll(async () => {
  const articles = await hostileCorpusArticles();
  engine = AnswerEngine.fromArticles(articles);
  sentences = new Set(articles.flatMap((article) => article.sentences.map((s) => s.text)));
  corpusWords = [...new Set(articles.flatMap((a) => a.sentences.flatMap((s) => s.text.split(/\s+/))))].filter((w) => w.length > 0).sort();
});

/** Pieces a hostile or clumsy user might type. */
const HOSTILE_PIECES = [
  '@everyone',
  '@here',
  '<@&1300000000000000050>',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '**',
  '__',
  '||',
  '`',
  '```',
  '> ',
  '# ',
  '[link](https://example.org)',
  '.*',
  '(a+)+$',
  '\\',
  '$&',
  '\u200b',
  '\u200d',
  '\u202e',
  '\ufeff',
  '\u0000',
  '\n',
  '\t',
  '😀',
  '👨‍👩‍👧',
  '🇰🇷',
  'שלום',
  'مرحبا',
  '北京',
  'the',
  'of',
  'and',
  'is',
  '?',
  '…',
  '“',
  '”',
  "'s",
  '<#123456789012345678>',
  '</ask:123456789012345678>',
  '<t:1767571200:R>',
  '<:e:123456789012345678>',
  '<a:e:123456789012345678>',
  'a\u0301\u0302\u0303\u0304\u0305\u0306',
];

/** Live syntax besides mentions (channel, slash command, timestamp, custom emoji), bidi overrides, towers of combining marks. */
const SHOWN_OTHERWISE = /<(?:#\d+|\/[^<>\s:]+:\d+|t:-?\d+(?::[a-zA-Z])?|a?:\w+:\d+)>|[\u202a-\u202e\u2066-\u2069]|\p{M}{4}/u;

const commands = fc.constantFrom<Command>(...COMMANDS);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Random text, random Unicode, and soups of corpus words with hostile pieces (so that some are answered). */
function queries(): fc.Arbitrary<string> {
  const soupPiece = fc.oneof(fc.constantFrom(...corpusWords), fc.constantFrom(...HOSTILE_PIECES));
  return fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), loneSurrogate), { maxLength: 20 }).map((parts) => parts.join('')),
    fc.array(soupPiece, { minLength: 1, maxLength: 10 }).map((words) => words.join(' ')),
    fc
      .tuple(
        fc.constantFrom('When', 'Who is', 'Why did', 'Where', 'How long', 'How many', 'Which companies', 'What'),
        fc.array(soupPiece, { maxLength: 8 }),
      )
      .map(([opening, words]) => `${opening} ${words.join(' ')}?`),
  );
}

function expectSentenceOfCorpus(text: string, what: string): void {
  expect(sentences.has(text), `${what} is not a sentence of the corpus: ${JSON.stringify(text)}`).toBe(true);
}

function expectAnswerInvariants(answer: Answer): void {
  if (answer.answer !== null) expect(answer.answer.length).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
  expect(answer.excerpts.length).toBeLessThanOrEqual(MAX_EXCERPTS);
  if (answer.status === 'not-found') expect(answer.excerpts).toEqual([]);
  for (const excerpt of answer.excerpts) {
    expectSentenceOfCorpus(excerpt.text, 'an excerpt');
    if (excerpt.context !== null) expectSentenceOfCorpus(excerpt.context, 'a context sentence');
    if (excerpt.highlight !== null) {
      expect(excerpt.highlight.start).toBeGreaterThanOrEqual(0);
      expect(excerpt.highlight.end).toBeLessThanOrEqual(excerpt.text.length);
      expect(excerpt.highlight.start).toBeLessThan(excerpt.highlight.end);
    }
  }
}

function expectMessageInvariants(message: SafeMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  const content = message.content ?? '';
  const embeds = message.embeds ?? [];
  // One rendering: a text alone ("nothing found") or one embed alone (an answer), never both.
  const oneRendering = content.length > 0 ? embeds.length === 0 : embeds.length === 1;
  expect(oneRendering, 'a text alone or one embed alone').toBe(true);
  expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(content, 'raw mention syntax in the content').not.toMatch(MENTION_SYNTAX);
  for (const embed of embeds) expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embed.total);
  const texts = [
    content,
    ...embeds.flatMap((e) => [e.title, e.author?.name, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ];
  for (const text of texts) {
    expect((text ?? '').replace(/`[^`]*`/g, ''), 'text that would not show as written').not.toMatch(SHOWN_OTHERWISE);
    expect(text ?? '', 'raw mention syntax').not.toMatch(MENTION_SYNTAX);
  }
  // The same checks the fake Discord makes on what it receives (every embed part's limit).
  const wire = { content: message.content, embeds: message.embeds, allowed_mentions: message.allowedMentions };
  expect(validateMessage(wire, { isCreate: true, hasFiles: false, path: ['data'] })).toBeNull();
}

describe('the answering core, driven by random strings', () => {
  it('never throws, and every answer and its Discord message keep their invariants', () => {
    fc.assert(
      fc.property(commands, queries(), fc.option(fc.integer({ min: -2, max: 9 }), { nil: undefined }), (command, query, maxExcerpts) => {
        const answer = engine.answer(command, query, { maxExcerpts });
        expectAnswerInvariants(answer);
        expectMessageInvariants(safeMessage(renderAnswerMessage(answer)));
      }),
      { numRuns: RUNS },
    );
  });

  it('autocompletes anything typed with at most 25 choices of at most 100 characters, quickly', () => {
    fc.assert(
      fc.property(fc.oneof(queries(), fc.string({ minLength: 100, maxLength: 6_000 })), (typed) => {
        const started = performance.now();
        const choices = autocompleteChoices(engine, typed);
        expect(performance.now() - started).toBeLessThan(1_000);
        expect(validateAutocompleteChoices({ choices })).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps them for long queries too (up to 6,000 characters, longer than any face accepts)', () => {
    const longQueries = fc.oneof(
      fc.string({ minLength: 1_000, maxLength: 6_000 }),
      fc
        .array(fc.constantFrom(...corpusWords, '@everyone', '<@&1300000000000000050>'), { minLength: 200, maxLength: 900 })
        .map((words) => words.join(' ').slice(0, 6_000)),
    );
    fc.assert(
      fc.property(commands, longQueries, (command, query) => {
        const answer = engine.answer(command, query);
        expectAnswerInvariants(answer);
        expectMessageInvariants(safeMessage(renderAnswerMessage(answer)));
      }),
      { numRuns: 20 },
    );
  });
});
