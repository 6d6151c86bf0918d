/**
 * `tsx bench/questions.ts [--sentences N] [--questions 2000] [--seed 1]`
 *
 * Questions in the style of ../shared/eval/dev.jsonl, made from the corpus's own sentences: pick a
 * sentence, take an entity and/or 2–4 of its content words, and a command (/when /who /why /where
 * /what), or a free question for /ask ("When will X …?", "Who is X?"). About 10% ask about things
 * the corpus never mentions (rare words), to exercise abstention. Warm-up questions, made the same
 * way, come first in the file and are not timed.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMainModule, readNumberFlag, readStringFlag } from './cliFlags.js';
import { ensureCorpus, type GeneratedCorpus } from './generateCorpus.js';
import { DEFAULT_WORK_DIR } from './paths.js';
import { Random } from './random.js';
import { loadFillerWords, MONTHS, WEEKDAYS } from './vocabulary.js';

export const QUESTION_COMMANDS = ['when', 'who', 'why', 'where', 'what', 'ask'] as const;
export type QuestionCommand = (typeof QUESTION_COMMANDS)[number];

export interface BenchQuestion {
  cmd: QuestionCommand;
  /** The query as typed after the command. */
  q: string;
  /** The question's words as a plain search string (what plain MiniSearch is asked). */
  search: string;
  /** True when the question is about something the corpus never mentions. */
  absent: boolean;
  /** True for warm-up questions (answered before timing starts). */
  warmup: boolean;
}

/** Bump when the questions made from a corpus change. */
const QUESTIONS_VERSION = 3;
const ABSENT_SHARE = 0.1;
const ASK_SHARE = 0.2;
const SLASH_COMMANDS: ReadonlyArray<readonly [Exclude<QuestionCommand, 'ask'>, number]> = [
  ['when', 0.3],
  ['who', 0.22],
  ['why', 0.16],
  ['where', 0.17],
  ['what', 0.15],
];

/** Words too common to make a question by themselves. */
const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here
  hers him his how if in into is it its just last like made make many may me might more most much must my next no
  nor not now of off on once only or other our out over own per said same say says she should since so some still
  such than that the their them then there these they this those through to told too under until up upon very was
  we were what when where which while who whom why will with within would year years you your week month day days
  months who whose according added adding percent without first second third another every among
  them against across whether time times`.split(/\s+/),
);
const DATE_WORDS = new Set([...MONTHS, ...WEEKDAYS]);
const WORD = /[\p{L}][\p{L}\p{N}’'-]*/gu;

interface SentenceTerms {
  entities: string[];
  words: string[];
}

/** The entities (runs of capitalised words, "Ministry of Finance") and content words of a sentence. */
export function sentenceTerms(sentence: string): SentenceTerms {
  const matches = [...sentence.matchAll(WORD)];
  const tokens = matches.map((m) => m[0].replace(/[’']s$/u, '').replace(/[’']$/u, ''));
  // A word opening the sentence or a quote is capitalised whatever it is.
  const opensClause = matches.map((m) => m.index === 0 || /[“"‘(]/u.test(sentence.charAt(m.index - 1)));
  const entities: string[] = [];
  const words: string[] = [];
  let run: string[] = [];
  const endRun = (): void => {
    while (run.length > 0 && /^(?:of|for|and|the|The)$/.test(run[run.length - 1]!)) run.pop();
    if (run[0] === 'The') run.shift();
    if (run.length > 0) entities.push(run.join(' '));
    run = [];
  };
  tokens.forEach((token, index) => {
    const capitalised = /^\p{Lu}/u.test(token);
    const shouting = token.length > 1 && token === token.toUpperCase();
    const opening = opensClause[index] === true;
    if (capitalised && !shouting && !DATE_WORDS.has(token) && !(opening && STOP.has(token.toLowerCase()))) {
      // A single capitalised word opening the sentence is usually an ordinary word ("Exports", "Police").
      if (opening && run.length === 0 && !/^\p{Lu}/u.test(tokens[index + 1] ?? '')) return;
      run.push(token);
      return;
    }
    if (run.length > 0 && (token === 'of' || token === 'for')) {
      run.push(token);
      return;
    }
    endRun();
    const lower = token.toLowerCase();
    if (!capitalised && lower.length >= 4 && !STOP.has(lower)) words.push(lower);
  });
  endRun();
  return { entities: [...new Set(entities)], words: [...new Set(words)] };
}

/** How many sentences each lowercase word occurs in. */
type DocumentFrequency = ReadonlyMap<string, number>;

/** How many sentences hold each word of a phrase, summed: what searching for it has to go through. */
function postings(phrase: string, df: DocumentFrequency): number {
  return Array.from(phrase.matchAll(WORD), (m) => df.get(m[0].toLowerCase()) ?? 0).reduce((sum, n) => sum + n, 1);
}

function pickWeighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  const weights = items.map(weight);
  let target = random.next() * weights.reduce((sum, w) => sum + w, 0);
  for (let i = 0; i < items.length; i++) if ((target -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}

/**
 * `min` to `max` of the words, rarer ones more likely (weight 1/df: people ask about the
 * distinctive words of a sentence), in their original order.
 */
function someInOrder(random: Random, words: readonly string[], min: number, max: number, df: DocumentFrequency): string[] {
  const picked = new Set<string>();
  const count = Math.min(random.int(min, max), words.length);
  while (picked.size < count) {
    picked.add(
      pickWeighted(
        random,
        words.filter((word) => !picked.has(word)),
        (word) => 1 / (df.get(word) ?? 1),
      ),
    );
  }
  return words.filter((word) => picked.has(word));
}

function pickCommand(random: Random): Exclude<QuestionCommand, 'ask'> {
  let target = random.next();
  for (const [command, share] of SLASH_COMMANDS) {
    target -= share;
    if (target < 0) return command;
  }
  return 'when';
}

/** A free question for /ask built around an entity and words; null if the sentence has no entity. */
function freeQuestion(random: Random, entity: string | undefined, words: string[]): { q: string; search: string } | null {
  if (entity === undefined) return null;
  const [w1 = 'news', w2] = words;
  const more = w2 === undefined ? '' : ` ${w2}`;
  const forms: Array<[string, string]> = [
    [`When will ${entity} ${w1}${more}?`, `${entity} ${w1}${more}`],
    [`When did ${entity} ${w1}?`, `${entity} ${w1}`],
    [`Why did ${entity} ${w1}${more}?`, `${entity} ${w1}${more}`],
    [`Where will ${entity} ${w1}?`, `${entity} ${w1}`],
    [`What did ${entity} say about ${w1}?`, `${entity} ${w1}`],
    [`How many ${w1} did ${entity} report?`, `${entity} ${w1}`],
    [`Which companies ${w1}${more}?`, `${w1}${more}`],
  ];
  if (entity.split(' ').length >= 2) forms.push([`Who is ${entity}?`, entity], [`Who is ${entity}?`, entity]);
  const [q, search] = random.pick(forms);
  return { q, search };
}

function questionFromSentence(random: Random, sentence: string, df: DocumentFrequency): BenchQuestion | null {
  const { entities, words } = sentenceTerms(sentence);
  if (words.length + entities.length < 2) return null;
  const entity = entities.length > 0 ? pickWeighted(random, entities, (e) => 1 / postings(e, df)) : undefined;
  if (random.chance(ASK_SHARE)) {
    const free = freeQuestion(random, entity, someInOrder(random, words, 1, 2, df));
    if (free !== null) return { cmd: 'ask', ...free, absent: false, warmup: false };
  }
  const useEntity = entity !== undefined && (words.length < 2 || random.chance(0.65));
  const chosen = useEntity ? [entity, ...someInOrder(random, words, 1, 2, df)] : someInOrder(random, words, 2, 3, df);
  if (chosen.length === 0) return null;
  // Keep the sentence's order: "visit China", not "China visit".
  const lower = sentence.toLowerCase();
  chosen.sort((a, b) => lower.indexOf(a.toLowerCase()) - lower.indexOf(b.toLowerCase()));
  const q = chosen.join(' ');
  return { cmd: pickCommand(random), q, search: q, absent: false, warmup: false };
}

function absentQuestion(random: Random, absentWords: readonly string[]): BenchQuestion {
  const [a, b] = random.sample(absentWords, 2);
  const word = a ?? 'zyzzyva';
  const other = b ?? 'quixotry';
  if (random.chance(0.3)) {
    const name = `${word.charAt(0).toUpperCase()}${word.slice(1)} ${other.charAt(0).toUpperCase()}${other.slice(1)}`;
    return { cmd: 'ask', q: `Who is ${name}?`, search: name, absent: true, warmup: false };
  }
  return { cmd: pickCommand(random), q: `${word} ${other}`, search: `${word} ${other}`, absent: true, warmup: false };
}

function documentFrequency(sentences: readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const sentence of sentences) {
    for (const word of new Set(Array.from(sentence.matchAll(WORD), (m) => m[0].toLowerCase()))) df.set(word, (df.get(word) ?? 0) + 1);
  }
  return df;
}

/** `count` timed questions after `warmups` warm-up ones, deterministic from the seed. */
export function makeQuestions(sentences: readonly string[], count: number, warmups: number, seed: number): BenchQuestion[] {
  const random = new Random(seed).fork(11);
  const df = documentFrequency(sentences);
  // Rare words that occur nowhere in the corpus.
  const absentWords = loadFillerWords().absent.filter((word) => !df.has(word));
  const questions: BenchQuestion[] = [];
  const total = count + warmups;
  for (let attempt = 0; questions.length < total && attempt < total * 50; attempt++) {
    const question = random.chance(ABSENT_SHARE)
      ? absentQuestion(random, absentWords)
      : questionFromSentence(random, sentences[random.int(0, sentences.length - 1)]!, df);
    if (question !== null) questions.push({ ...question, warmup: questions.length < warmups });
  }
  return questions;
}

export function warmupCount(questions: number): number {
  return Math.min(200, Math.max(20, Math.round(questions / 10)));
}

export function readSentences(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

export function readQuestions(file: string): BenchQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as BenchQuestion);
}

/** The questions file for this corpus: reused when already made, else made now. */
export function ensureQuestions(corpus: GeneratedCorpus, count: number, seed: number): string {
  const file = path.join(corpus.root, `questions-${count}-seed${seed}-v${QUESTIONS_VERSION}.jsonl`);
  if (existsSync(file)) return file;
  const questions = makeQuestions(readSentences(corpus.sentencesFile), count, warmupCount(count), seed);
  const staging = `${file}.tmp-${process.pid}`;
  writeFileSync(staging, questions.map((q) => JSON.stringify(q)).join('\n') + '\n');
  renameSync(staging, file);
  return file;
}

if (isMainModule(import.meta.url)) {
  const argv = process.argv.slice(2);
  const seed = readNumberFlag(argv, '--seed', 1);
  const corpus = ensureCorpus({
    sentences: readNumberFlag(argv, '--sentences', 100_000),
    seed,
    workDir: readStringFlag(argv, '--work-dir', DEFAULT_WORK_DIR),
  });
  const file = ensureQuestions(corpus, readNumberFlag(argv, '--questions', 2_000), seed);
  console.log(file);
}
