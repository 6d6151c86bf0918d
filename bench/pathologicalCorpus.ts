/**
 * The worst cases of issue 10: an article whose one sentence runs to 100,000 characters, and one
 * with a 50,000-character list of names and commas. Deterministic, so runs compare.
 */
import type { Article } from '../src/corpus/types.js';

/** One clause after another, about the story, with commas but no full stop. */
const CLAUSES = [
  'President Lee Jae Myung met Xi Jinping in Beijing on Monday',
  'aiming to restore ties after years of fraught relations',
  'because of tensions over Taiwan and the deployment of missiles',
  'while 200 executives from Samsung and Hyundai Motor Group signed deals worth $2 billion',
  'and Premier Li Qiang hosted talks on Tuesday in the Great Hall of the People',
  'as spokesperson Kang Yu-jung told reporters the summit would last four days',
  'following a visit to Shanghai in January 2026 and a meeting at the APEC Summit in Gyeongju last year',
  'fearing that touchy topics might anger Beijing',
];

/** A sentence of about `chars` characters: the clauses over and over, joined by commas and "and". */
export function longSentence(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const clause = CLAUSES[i % CLAUSES.length]!;
    const joiner = i === 0 ? '' : i % 3 === 0 ? ' and ' : ', ';
    parts.push(joiner, clause);
    length += joiner.length + clause.length;
  }
  return `${parts.join('')}.`;
}

const FAMILY = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon'];
const SYLLABLES = ['Min', 'Seo', 'Ji', 'Ha', 'Yu', 'Jun', 'Woo', 'Hyun', 'Soo', 'Yeon', 'Ho', 'Eun', 'Jae', 'Dong', 'Na'];

/** "Guests included Kim Min-jun, Lee Seo-yeon, …, and Choi Yu-na.": about `chars` characters. */
export function nameList(chars: number): string {
  const names: string[] = [];
  let length = 'Guests at the state dinner in Beijing included '.length;
  for (let i = 0; length < chars; i++) {
    const given = `${SYLLABLES[i % SYLLABLES.length]!}-${SYLLABLES[(i * 7 + 3) % SYLLABLES.length]!.toLowerCase()}`;
    const name = `${FAMILY[(i * 11) % FAMILY.length]!} ${given}`;
    names.push(name);
    length += name.length + 2;
  }
  return `Guests at the state dinner in Beijing included ${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]!}.`;
}

/** An article file's text around one pathological line. */
export function articleText(title: string, line: string): string {
  return [
    '---',
    `title: ${title}`,
    'source: Worst Case News',
    'published: 2026-01-05',
    '---',
    'President Lee visits Beijing for a summit with Xi',
    'Lee Jae Myung arrived in Beijing on Sunday for a four-day state visit.',
    line,
    'The visit ends on Wednesday.',
    '',
  ].join('\n');
}

/** The two corpora, each one article file by name. */
export function pathologicalCorpora(longChars = 100_000, listChars = 50_000): Record<string, Record<string, string>> {
  return {
    'long sentence': { 'long-sentence.md': articleText('One long sentence', longSentence(longChars)) },
    'comma list': { 'comma-list.md': articleText('A long list of guests', nameList(listChars)) },
  };
}

/** The questions asked of each corpus: every command, /timeline with and without a topic (null). */
export const WORST_CASE_QUESTIONS: ReadonlyArray<{
  command: 'when' | 'who' | 'where' | 'why' | 'what' | 'ask' | 'timeline';
  query: string | null;
}> = [
  { command: 'when', query: 'summit with Xi' },
  { command: 'who', query: 'spokesperson' },
  { command: 'who', query: 'guests at the state dinner' },
  { command: 'where', query: 'talks with Li Qiang' },
  { command: 'why', query: 'Lee visit Beijing' },
  { command: 'what', query: 'deals signed' },
  { command: 'ask', query: 'How many executives signed deals?' },
  { command: 'ask', query: 'Who attended the state dinner?' },
  { command: 'ask', query: 'How long is the visit?' },
  { command: 'who', query: 'Kim and Park at the dinner' },
  { command: 'where', query: 'Choi' },
  { command: 'when', query: 'Lee Min' },
  { command: 'what', query: 'Kang guests' },
  { command: 'timeline', query: 'summit' },
  { command: 'timeline', query: null },
];

/** An article whose sentence is the whole line, as nothing capped it before issue 10 (for the engine alone). */
export function uncappedArticle(id: string, line: string): Article {
  return {
    id,
    file: `${id}.md`,
    meta: { title: id, source: null, url: null, published: '2026-01-05', publishedInferred: null, language: null, note: null },
    headline: null,
    sentences: [{ articleId: id, position: 1, text: line, isHeadline: false }],
    longSentencesCut: 0,
  };
}
