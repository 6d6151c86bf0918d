/**
 * The article a moderator adds in the benchmark's `/corpus add` measurement: 40 sentences of news
 * about a made-up name (no corpus has it), parsed as the bot parses an upload (`parseArticle`), and
 * the question that only it answers.
 */
import { parseArticle } from '../src/corpus/loadCorpus.js';
import type { Article } from '../src/corpus/types.js';

export const ADDED_ARTICLE_SENTENCES = 40;

const SYLLABLES = ['zor', 'vak', 'quel', 'drim', 'thax', 'brun', 'plov', 'skel'];

/** A made-up word, different for each `n` ("Zorvakquel…"), that no generated corpus contains. */
export function madeUpWord(n: number): string {
  let word = 'zyr';
  let rest = n;
  for (let i = 0; i < 3; i++) {
    word += SYLLABLES[rest % SYLLABLES.length]!;
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

/** Sentences of the article's body; `{W}` is the made-up name, `{i}` a number that keeps them apart. */
const OPENING = 'The {W} consortium opened its first desalination plant in Port Averley on Tuesday.';
const TEMPLATES = [
  'Officials said the {W} plant would supply water to {i},000 households along the coast.',
  'The regional council approved a further {i} million dollars for pipelines last spring.',
  'Engineers tested the membranes for {i} weeks before the first water reached the town.',
  'Residents of the harbour district had waited {i} years for a reliable supply.',
  'A spokeswoman for {W} said the company planned a second site within {i} months.',
  'Farmers in the valley asked for {i} percent of the output to be set aside for irrigation.',
  'Environmental groups warned that brine discharges could harm {i} species of fish.',
  'The mayor told reporters that water prices would fall by {i} percent next year.',
];

/** The text of the article file: front matter and one sentence a line. */
export function addedArticleText(word: string): string {
  const lines = [OPENING.replace('{W}', word)];
  for (let i = 0; lines.length < ADDED_ARTICLE_SENTENCES; i++) {
    lines.push(TEMPLATES[i % TEMPLATES.length]!.replace('{W}', word).replace('{i}', String(12 + i * 7)));
  }
  const front = [
    '---',
    `title: ${JSON.stringify(`${word} opens desalination plant`)}`,
    'source: "Bench Wire"',
    'published: 2026-03-03',
    '---',
  ];
  return `${[...front, ...lines].join('\n')}\n`;
}

/** The article as `/corpus add` gives it to the service: parsed, with its own id and file. */
export function addedArticle(n: number): { article: Article; question: { cmd: 'what'; q: string } } {
  const word = madeUpWord(n);
  const id = `bench-added-${word.toLowerCase()}`;
  const article = parseArticle({ id, file: `${id}.md`, content: addedArticleText(word) });
  if (article.sentences.length !== ADDED_ARTICLE_SENTENCES) {
    throw new Error(`the added article has ${article.sentences.length} sentences, not ${ADDED_ARTICLE_SENTENCES}`);
  }
  return { article, question: { cmd: 'what', q: `${word} desalination plant` } };
}
