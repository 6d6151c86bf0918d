import { lexicalRelatives, senseCounts, wordnetLemmas, type Relation } from './wordnet.js';
import { VERB_PARTICLES } from './wordLists.js';

/**
 * The words a question's word may stand for in an article: its WordNet relatives, each with how
 * surely it means the same. A synonym in the word's commonest sense is nearly the word; a
 * derivation ("departure" → "depart") is the same idea as another part of speech; a more general
 * word (hypernym: "tag along" → "accompany") or a similar adjective is a looser paraphrase.
 * General English: the caller keeps only the relatives its corpus has.
 */
export interface Paraphrase {
  /** A WordNet lemma (multi-word lemmas have spaces). */
  lemma: string;
  /** 0..1: how surely it stands for the word. */
  strength: number;
}

const STRENGTH: Readonly<Partial<Record<Relation, readonly [first: number, other: number]>>> = {
  synonym: [0.8, 0.6],
  derived: [0.75, 0.6],
  pertainym: [0.7, 0.55],
  similar: [0.6, 0.5],
  also: [0.55, 0.45],
  hypernym: [0.55, 0.4],
};
const RELATIONS = Object.keys(STRENGTH) as Relation[];
/**
 * A word's senses taken, most frequent first: rarer senses bring unrelated words ("run" a ladder in
 * a stocking). Three rather than two: across the team's thirteen question sets, two more right
 * first sentences and one fewer wrong answer.
 */
const MAX_SENSES = 3;

/** The word's paraphrases (of the relations given: all by default), strongest first; the word itself is not among them. */
export function paraphrasesOf(word: string, relations: readonly Relation[] = RELATIONS): Paraphrase[] {
  const best = new Map<string, number>();
  for (const relative of lexicalRelatives(word, { maxSenses: MAX_SENSES, relations })) {
    const [first, other] = STRENGTH[relative.relation] ?? [0, 0];
    const strength = relative.sense === 0 ? first : other;
    if (strength > (best.get(relative.lemma) ?? 0)) best.set(relative.lemma, strength);
  }
  return [...best]
    .map(([lemma, strength]) => ({ lemma, strength }))
    .sort((a, b) => b.strength - a.strength || a.lemma.localeCompare(b.lemma));
}

const PARTICLES = new Set(VERB_PARTICLES);

/**
 * The phrasal verb a word and the word after it make, as WordNet names it ("stepping down" → "step
 * down", "paid off" → "pay off"); null when they make none.
 */
export function phrasalVerb(word: string, next: string): string | null {
  if (!PARTICLES.has(next)) return null;
  const lemma = wordnetLemmas(`${word} ${next}`).find((l) => l.pos === 'verb' && l.lemma.includes(' '));
  return lemma?.lemma ?? null;
}

/**
 * The words WordNet derives from a word or it from them: the same idea as another part of speech
 * ("lead" → "leader", "testify" → "testimony", "mayor" → "mayoral"), strongest first.
 */
export function derivationsOf(word: string): Paraphrase[] {
  return paraphrasesOf(word, ['derived', 'pertainym']);
}

/**
 * Whether a word mostly names an action or a quality rather than a thing ("sitting", "main",
 * "exactly"): most of its WordNet senses are verbs, adjectives or adverbs. Such a word in a question
 * usually says how something is asked about, not what: a question's key content is its nouns.
 * A word WordNet lacks is not (it may be a name or a noun it does not know).
 */
export function isMostlyVerbOrModifier(word: string): boolean {
  const counts = senseCounts(word);
  const other = counts.verb + counts.adjective + counts.adverb;
  return other > 0 && other > counts.noun;
}

/** Whether most of a word's WordNet senses are verbs ("born", "founded"; not "main" or "exactly"). */
export function isMostlyVerb(word: string): boolean {
  const counts = senseCounts(word);
  return counts.verb > counts.noun + counts.adjective + counts.adverb;
}

/** WordNet's class of the cities that stand for their country's government in the news. */
const NATIONAL_CAPITAL = 'national capital';

/**
 * The country a national capital stands for ("Beijing said" for China's government), as WordNet
 * names it (lemmas, some of several words: "south korea"); none for any other word.
 */
export function countriesOfCapital(word: string): string[] {
  if (!isNationalCapital(word)) return [];
  return lexicalRelatives(word, { maxSenses: 1, relations: ['partOf'] })
    .map((r) => r.lemma)
    .filter((country) => !hasAnotherCapital(country, word));
}

function isNationalCapital(word: string): boolean {
  return lexicalRelatives(word, { maxSenses: 1, relations: ['hypernym'] }).some((r) => r.lemma === NATIONAL_CAPITAL);
}

/**
 * Whether a country's name, in its commonest sense, has another national capital than `capital`:
 * an alias of the capital's country ("china" among Taiwan's names, for Taipei) that names another.
 */
function hasAnotherCapital(country: string, capital: string): boolean {
  const parts = lexicalRelatives(country, { maxSenses: 1, relations: ['hasPart'] }).map((r) => r.lemma);
  // The capital as WordNet names it: "pyongyangs" is "pyongyang", "peking" is "beijing".
  const names = new Set([
    capital,
    ...wordnetLemmas(capital).map((l) => l.lemma),
    ...lexicalRelatives(capital, { maxSenses: 1, relations: ['synonym'] }).map((r) => r.lemma),
  ]);
  return !parts.some((part) => names.has(part)) && parts.some((part) => !part.includes(' ') && isNationalCapital(part));
}
