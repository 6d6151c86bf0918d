import { DEMONYMS } from '../language/gazetteer.js';
import { generalRarity } from '../language/generalEnglish.js';
import { compactName, type NameDirectory } from '../language/nameDirectory.js';
import {
  countriesOfCapital,
  isMostlyVerb,
  derivationsOf,
  isMostlyVerbOrModifier,
  paraphrasesOf,
  phrasalVerb,
  type Paraphrase,
} from '../language/paraphrases.js';
import type { SentenceAnalysis } from '../language/sentenceAnalysis.js';
import { replaceSynonymPhrases, synonymPhrases, synonymStems } from '../language/synonyms.js';
import { isMisspeltStopWord } from '../language/stopWords.js';
import { CALENDAR_WORDS, PREPOSITION_PARTICLES } from '../language/wordLists.js';
import { stemsOf, tokenize, type Token } from '../language/tokenize.js';
import type { SentenceIndex, TermGroups, WeightedTerm } from './sentenceIndex.js';

/**
 * A query is a handful of concepts: a word (with its synonyms) or a person's name (with the short
 * forms the corpus uses for it). A sentence answers the query as far as it matches its concepts,
 * rare concepts counting more than common ones.
 */
export interface Concept {
  /** The words as typed. */
  label: string;
  type: 'word' | 'name';
  /** Stems that match fully. */
  stems: string[];
  /** Stems of synonyms and related words (nationality ↔ country), matching less. */
  related: string[];
  /** Related phrases of several words, each as its stems in order ("seoul" → "south korea"), matching as related words do. */
  relatedPhrases?: string[][];
  /** For a name: the full names it stands for ("lee jae myung" for "Lee"). */
  names: string[];
  /**
   * For a word the corpus lacks: stems of the corpus's words it may be a misspelling or the start
   * of ("presidnet" → "presid"), each with how close it is (1 = the same).
   */
  spellings: WeightedTerm[];
  /**
   * Stems of the corpus's words that WordNet relates to the word, each with how surely it stands for
   * it: for a word the corpus lacks, its relatives ("backer" → "supporter"); for one it has, the words
   * derived from it ("leads" → "leader"); for a phrasal verb, what the phrase means ("step down" →
   * "resign").
   */
  paraphrases: WeightedTerm[];
  /**
   * For a word the corpus has: its other WordNet relatives the corpus has, matched at a fraction of
   * their strength where the answer says it otherwise. Matched in ranking only, not searched for:
   * fetching their sentences too made every question slower for the few it helped.
   */
  relatives?: WeightedTerm[];
  /**
   * A verb (most of its WordNet senses) that names the event asked about: "founded" in "when was
   * the observatory founded". Not a phrasal verb ("put out"), which an article may well say otherwise.
   */
  namesEvent?: boolean;
  /** How much the concept counts: the rarity (IDF) of its rarest known stem. */
  weight: number;
  /** Whether the corpus has the concept at all. */
  known: boolean;
  /** Typed with a capital inside the text: a proper name. */
  properName: boolean;
  /**
   * A noun of some rarity that the corpus has in no form (no stem, synonym, spelling or paraphrase):
   * "volume", "bitcoin". What the question is about is not in the articles.
   */
  missingKeyWord: boolean;
  /**
   * The concept names what kind of thing the answer is ("agency" in "which agency"), not the topic:
   * the words it matches may be the answer itself.
   */
  describesAnswer?: boolean;
  /**
   * The role this concept qualifies ("office" in "the spokesperson for the presidential office"):
   * where a sentence names the role itself, the qualifier counts less (see rank.ts).
   */
  qualifies?: Concept;
}

/** How strongly a sentence matches a concept, and at which tokens. */
export interface ConceptMatch {
  concept: Concept;
  strength: number;
  tokens: number[];
}

/**
 * How strongly each way of matching a concept counts. For a word the corpus lacks, a corrected
 * spelling or a completed prefix ("wrok" → "work", "negotia" → "negotiations") counts as the word,
 * times how close it is (spellingsOf): more than a synonym of a word spelt right when close. A
 * prefix shared with a word the corpus has ("exhibit", "exhibitors") and another person's name
 * sharing a word count less. Prefix, spelling and partialName were searched with the ranking's
 * constants (rank.ts, CONTEXT_DISCOUNT): 0.75, 0.75 and 0.4 before.
 */
const MATCH = { exact: 1, related: 0.7, prefix: 0.6, spelling: 1, partialName: 0.3, paraphrase: 0.85 } as const;
/**
 * A word the corpus lacks that mostly names an action or a quality ("sitting", "main") says how
 * something is asked about more than what: it counts this share of a missing noun's weight
 * (searched; 0.4 before, which answered more questions whose verb the articles never use).
 */
const MODIFIER_WEIGHT = 0.5;
/**
 * What a WordNet relative of a word the corpus has counts of its strength: the word itself is there,
 * so a relative is less likely what the question means. Across the team's seventeen sets, from 0.45
 * to 0.6 the same; none, 0.5 points fewer right first sentences; all, 1 point more wrong answers.
 * Searched again with the ranking's constants: 0.4.
 */
const KNOWN_WORD_PARAPHRASE = 0.4;
/** What the most everyday word the corpus has counts of its corpus rarity (see everydayShare). */
const EVERYDAY_SHARE = 0.4;
/** From this everyday-English rarity, a noun the corpus lacks is what the question is about (see Concept.missingKeyWord). */
const KEY_WORD_RARITY = 0.7;
const MIN_PREFIX = 5;
/** The endings that make a longer form of an English word: inflections and the commonest derivations. */
const ENDINGS = /^(?:s|es|e?d|ing|e?rs?|ors?|ions?|ments?|al|ive|ity|ly)$/;
/** Spellings looked up for a word the corpus lacks, at most. */
const MAX_SPELLINGS = 3;
/** Below this length a word is not corrected (too many short words are one letter apart). */
const MIN_FUZZY_LENGTH = 5;
/** From this length a word may be two letters off. */
const TWO_EDITS_LENGTH = 8;
/** Below this everyday-English rarity, a lower-case word is not read as a short name. */
const EVERYDAY_NAME_RARITY = 0.35;

const PLACE_OF_DEMONYM = new Map<string, string[]>();
/** A one-word nationality whose place has several words ("american", "us" → "united states"): the place as a phrase. */
const PLACE_PHRASE_OF_DEMONYM = new Map<string, string>();
const NATIONALITIES = new Set<string>();
for (const [adjective, place] of Object.entries(DEMONYMS)) {
  const a = stemsOf(adjective.split(' ').pop()!)[0]!;
  NATIONALITIES.add(a);
  const last = place.split(' ').pop()!;
  const p = stemsOf(last)[0]!;
  if (!adjective.includes(' ') && place.includes(' ')) {
    // "US" is the United States named whole: "states" alone is not it ("a state visit"), while
    // "Arabia" alone is Saudi Arabia's.
    PLACE_PHRASE_OF_DEMONYM.set(a, place);
    if (generalRarity(last) < KEY_WORD_RARITY) continue;
  }
  PLACE_OF_DEMONYM.set(a, [...(PLACE_OF_DEMONYM.get(a) ?? []), p]);
  PLACE_OF_DEMONYM.set(p, [...(PLACE_OF_DEMONYM.get(p) ?? []), a]);
}

export interface QueryOptions {
  /** The query opens a sentence, so its first word's capital says nothing (a free question). */
  sentenceCase?: boolean;
}

/**
 * Reads the query's concepts, linking names the corpus knows and weighing words by rarity: in the
 * corpus for words it has, in everyday English for words it lacks (a rare word the corpus lacks
 * weighs as much as the rarest word it has, an everyday one little), and either kind less when it
 * is an everyday word (see everydayShare).
 */
export function queryConcepts(query: string, index: SentenceIndex, names: NameDirectory, options: QueryOptions = {}): Concept[] {
  const text = replaceSynonymPhrases(query);
  const allTokens = tokenize(text);
  const tokens = allTokens.filter((t) => !t.isStopWord);
  const maxWeight = index.idf('\u0000');
  const unknownWeight = (word: string) => maxWeight * Math.max(0.15, generalRarity(word)) * everydayShare(word);
  const concepts: Concept[] = [];
  const particles = new Set<number>();
  for (let i = 0; i < tokens.length;) {
    const name = longestName(tokens, i, names);
    if (name !== null) {
      const words = tokens.slice(i, i + name.length);
      const stems = [...new Set(words.flatMap((t) => t.stems))];
      const nameStems = name.fullNames.flatMap((full) => full.split(' ').flatMap(stemsOf));
      concepts.push({
        label: words.map((t) => t.surface).join(' '),
        type: 'name',
        stems,
        related: [...new Set(nameStems)].filter((s) => !stems.includes(s)),
        names: name.fullNames,
        spellings: [],
        paraphrases: [],
        weight: Math.max(...stems.map((s) => index.idf(s))),
        known: true,
        properName: true,
        missingKeyWord: false,
      });
      i += name.length;
      continue;
    }
    const token = tokens[i]!;
    // "tagging along": the particle is part of the phrasal verb before it, not a word of its own.
    if (particles.has(token.index)) {
      i++;
      continue;
    }
    const known = token.stems.filter((s) => index.frequency(s) > 0);
    const phrased = relatedPhrasesOf(token, index);
    const related = [
      ...new Set([...token.stems.flatMap((s) => [...synonymStems(s), ...(PLACE_OF_DEMONYM.get(s) ?? [])]), ...phrased.words]),
    ];
    // A phrase counts by its last word, as "korea" for "south korea" (the corpus has all its words).
    const knownRelated = [...related.filter((s) => index.frequency(s) > 0), ...phrased.phrases.map((phrase) => phrase[phrase.length - 1]!)];
    const lacking = known.length === 0 && knownRelated.length === 0;
    const spelt = lacking ? spellingsOf(token.lower, index, token.capitalized) : { stems: [], share: 1 };
    const spellings = spelt.stems;
    // "befor", "becuase": a misspelt function word, not a rare word the articles lack ("beijng" is Beijing's, found above).
    if (lacking && spellings.length === 0 && !token.capitalized && generalRarity(token.lower) >= 1 && isMisspeltStopWord(token.lower)) {
      i++;
      continue;
    }
    // "step down" means resign, which "step" alone does not: a phrasal verb brings its own paraphrases.
    const phrasal = phrasalVerbAt(allTokens, token.index);
    if (phrasal !== null) particles.add(token.index + 1);
    // A word the corpus has may still be said otherwise where the answer is: in another part of
    // speech ("leads" by "leader"), or by a WordNet relative, which counts less.
    const paraphrases = mergeTerms(
      phrasal === null ? [] : knownParaphrases(phrasal, index),
      lacking ? (spellings.length === 0 ? knownParaphrases(token.lower, index) : []) : knownTerms(derivationsOf(token.lower), index),
    ).filter((p) => !token.stems.includes(p.term));
    const relatives = lacking
      ? []
      : knownParaphrases(token.lower, index)
          .map((p) => ({ ...p, weight: p.weight * KNOWN_WORD_PARAPHRASE }))
          .filter((p) => !token.stems.includes(p.term) && !paraphrases.some((q) => q.term === p.term));
    const modifier = lacking && isMostlyVerbOrModifier(phrasal ?? token.lower) ? MODIFIER_WEIGHT : 1;
    concepts.push({
      label: token.surface,
      type: 'word',
      stems: token.stems,
      related,
      ...(phrased.phrases.length > 0 ? { relatedPhrases: phrased.phrases } : {}),
      ...(phrasal === null && isMostlyVerb(token.lower) ? { namesEvent: true } : {}),
      names: [],
      spellings,
      paraphrases,
      ...(relatives.length > 0 ? { relatives } : {}),
      weight:
        known.length > 0
          ? everydayShare(token.lower) * Math.max(...known.map((s) => index.idf(s)))
          : knownRelated.length > 0
            ? everydayShare(token.lower) * Math.max(...knownRelated.map((s) => index.idf(s)))
            : spellings.length > 0
              ? spelt.share * Math.max(...spellings.map((s) => index.idf(s.term)))
              : modifier * unknownWeight(token.lower),
      known: !lacking || spellings.length > 0 || paraphrases.length > 0,
      properName: token.capitalized && !(options.sentenceCase === true && token.start === 0),
      missingKeyWord:
        lacking && spellings.length === 0 && paraphrases.length === 0 && modifier === 1 && generalRarity(token.lower) >= KEY_WORD_RARITY,
    });
    i++;
  }
  return concepts;
}

/**
 * What a word may stand for that the corpus says in words of its own: the country a national capital
 * stands for ("china"; "south korea"), and a synonym of several words ("premier" → "prime minister").
 * One-word names as stems, longer ones as their stems in order.
 */
function relatedPhrasesOf(token: Token, index: SentenceIndex): { words: string[]; phrases: string[][] } {
  const words: string[] = [];
  const phrases: string[][] = [];
  const named = [
    ...countriesOfCapital(token.lower).map((lemma) => lemma.split(' ')),
    ...token.stems.flatMap(synonymPhrases),
    ...token.stems.flatMap((stem) => {
      const place = PLACE_PHRASE_OF_DEMONYM.get(stem);
      return place === undefined ? [] : [place.split(' ')];
    }),
  ];
  for (const wordsOfName of named) {
    const stems = wordsOfName.map((w) => stemsOf(w)[0] ?? w);
    if (!stems.every((stem) => index.frequency(stem) > 0)) continue;
    if (stems.length === 1) words.push(stems[0]!);
    else phrases.push(stems);
  }
  return { words, phrases };
}

/**
 * The share of its corpus rarity a word the corpus has counts with: all of it for a word rare in
 * everyday English, less for an everyday one ("one", "side", "day"). In a corpus of a few articles
 * an everyday word may be as rare as the topic's own words, yet it says how a question is put
 * ("the one with", "on the korean side") more than what it is about.
 */
function everydayShare(word: string): number {
  return EVERYDAY_SHARE + (1 - EVERYDAY_SHARE) * Math.min(1, generalRarity(word) / KEY_WORD_RARITY);
}

/**
 * The stems of the corpus's words that a word it lacks may stand for: longer words it starts
 * ("negotia" → "negotiations"), and, for a word that is no English word at all (a typo, not a
 * topic the corpus lacks: "presidnet", not "france"), words one or two letters off that start with
 * the same letter. Short words are left alone: too many of them are a letter apart. `share`: the
 * everyday share (see everydayShare) of the likeliest word meant: "sinse" weighs as "since" would.
 */
function spellingsOf(word: string, index: SentenceIndex, capitalized: boolean): { stems: WeightedTerm[]; share: number } {
  if (word.length < MIN_TRANSPOSED_LENGTH) return { stems: [], share: 1 };
  const english = generalRarity(word) < 1;
  const typo = !english && word.length >= MIN_FUZZY_LENGTH;
  const maxEdits = typo ? (word.length >= TWO_EDITS_LENGTH ? 2 : 1) : 0;
  const stems = new Map<string, number>();
  let share = 0;
  const matches = word.length < MIN_PREFIX ? [] : index.spellings(word, { prefix: true, maxEdits, limit: MAX_SPELLINGS });
  for (const match of matches) {
    if (match.term[0] !== word[0]) continue;
    // An English word stands for its own longer forms ("exhibit" → "exhibitors"), not for another
    // word it happens to start ("count" is not "counterpart").
    if (english && !(match.term.startsWith(word) && ENDINGS.test(match.term.slice(word.length)))) continue;
    for (const stem of stemsOf(match.term)) stems.set(stem, Math.max(match.closeness, stems.get(stem) ?? 0));
    share = Math.max(share, everydayShare(match.term));
  }
  // Two letters typed the wrong way round ("premeir", "wrok") are two edits apart, too far for
  // MiniSearch's fuzzy match of a short word: each swap is tried as it is.
  // Not for a name the articles lack ("Rani" is no misspelt "rain"), nor for junk of any length.
  if (stems.size === 0 && !english && !capitalized && word.length <= MAX_TRANSPOSED_LENGTH) {
    for (const swapped of transpositions(word)) {
      for (const stem of stemsOf(swapped)) {
        if (index.frequency(stem) > 0 && !stems.has(stem)) {
          stems.set(stem, TRANSPOSED_CLOSENESS);
          share = Math.max(share, everydayShare(swapped));
        }
      }
    }
  }
  return { stems: [...stems].map(([term, weight]) => ({ term, weight })), share: stems.size > 0 ? share : 1 };
}

/** From this length a word that is no English word may be two letters typed the wrong way round ("wrok"). */
const MIN_TRANSPOSED_LENGTH = 4;
/** Longer than this, a word is not tried with letters swapped (each try costs a lookup). */
const MAX_TRANSPOSED_LENGTH = 24;
/** How close a word with two neighbouring letters swapped is to the word meant (as one edit of a word of eight letters). */
const TRANSPOSED_CLOSENESS = 0.8;

/** The word with each pair of neighbouring letters swapped in turn ("wrok" → "rwok", "wokr", "work"). */
function transpositions(word: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    variants.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return variants;
}

/** Paraphrases looked up for a word the corpus lacks, at most (a word of three letters or more). */
const MAX_PARAPHRASES = 6;

/**
 * The stems of the corpus's words that WordNet relates to a word the corpus lacks ("backer" →
 * "supporter", "stance" → "position"), strongest first. Only single words: a phrase's words
 * would each match alone.
 */
function knownParaphrases(word: string, index: SentenceIndex): WeightedTerm[] {
  // Letters and numbers alone ("d", "1") are not words to paraphrase: WordNet has "one" for "1".
  if (!/^(?:\p{L}{3,}|\p{L}{2,} \p{L}{2,})$/u.test(word)) return [];
  return knownTerms(paraphrasesOf(word), index);
}

/** The stems of the corpus's words among WordNet lemmas (single words), each with its strength, strongest first. */
function knownTerms(lemmas: readonly Paraphrase[], index: SentenceIndex): WeightedTerm[] {
  const found = new Map<string, number>();
  for (const { lemma, strength } of lemmas) {
    if (lemma.includes(' ') || lemma.includes('-')) continue;
    for (const stem of stemsOf(lemma)) {
      if (index.frequency(stem) > 0 && strength > (found.get(stem) ?? 0)) found.set(stem, strength);
    }
    if (found.size >= MAX_PARAPHRASES) break;
  }
  return [...found].map(([term, weight]) => ({ term, weight }));
}

/** Before a name, a number or a calendar word, these particles open a phrase of place or time ("go on Friday"). */
const PREPOSITION_PARTICLE = new Set(PREPOSITION_PARTICLES);
const CALENDAR = new Set(CALENDAR_WORDS);

/** The phrasal verb the query's word at `i` makes with the particle after it ("step down"), if any. */
function phrasalVerbAt(tokens: readonly Token[], i: number): string | null {
  const particle = tokens[i + 1];
  if (particle === undefined) return null;
  const after = tokens[i + 2];
  if (
    PREPOSITION_PARTICLE.has(particle.lower) &&
    after !== undefined &&
    (after.capitalized || /\d/.test(after.lower) || CALENDAR.has(after.lower))
  ) {
    return null;
  }
  return phrasalVerb(tokens[i]!.lower, particle.lower);
}

/** Two lists of weighted terms as one, each term with its greater weight. */
function mergeTerms(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): WeightedTerm[] {
  const merged = new Map<string, number>();
  for (const { term, weight } of [...a, ...b]) merged.set(term, Math.max(weight, merged.get(term) ?? 0));
  return [...merged].map(([term, weight]) => ({ term, weight }));
}

/** The longest run of query words, from `start`, that names a person the corpus knows. */
function longestName(tokens: Token[], start: number, names: NameDirectory): { length: number; fullNames: string[] } | null {
  for (let length = Math.min(4, tokens.length - start); length >= 1; length--) {
    const words = tokens.slice(start, start + length);
    const key = words.map((t) => t.lower).join(' ');
    // An everyday word typed in lower case ("young", "long") is the word, not someone's name.
    let fullNames = names.fullNamesFor(key);
    if (fullNames.length > 0 && length === 1 && !words[0]!.capitalized && generalRarity(key) < EVERYDAY_NAME_RARITY) fullNames = [];
    // "lees visit": a possessive typed without its apostrophe.
    if (fullNames.length === 0 && key.endsWith('s') && key.length > 3) fullNames = names.fullNamesFor(key.slice(0, -1));
    if (fullNames.length > 0) return { length, fullNames };
    if (length > 1) {
      const byCompact = names.fullNameByCompactForm(compactName(key));
      if (byCompact !== undefined) return { length, fullNames: [byCompact] };
    }
  }
  return null;
}

/**
 * What to ask the full-text index for: a group of terms per concept (any of them will do for it),
 * each weighted by how it matches the concept.
 */
export function searchTerms(concepts: readonly Concept[]): TermGroups {
  return concepts.map((concept) => {
    const terms = new Map<string, number>();
    const add = (term: string, weight: number) => terms.set(term, Math.max(weight, terms.get(term) ?? 0));
    for (const stem of concept.stems) add(stem, 1);
    for (const stem of concept.related) add(stem, concept.type === 'name' ? 0.9 : MATCH.related);
    for (const phrase of concept.relatedPhrases ?? []) add(phrase[phrase.length - 1]!, MATCH.related);
    for (const { term, weight } of concept.spellings) add(term, MATCH.spelling * weight);
    for (const { term, weight } of concept.paraphrases) add(term, MATCH.paraphrase * weight);
    return [...terms].map(([term, weight]) => ({ term, weight }));
  });
}

/** How a sentence matches each concept of the query (strength 0 when it does not). */
export function matchConcepts(concepts: readonly Concept[], sentence: SentenceAnalysis): ConceptMatch[] {
  return concepts.map((concept) => (concept.type === 'name' ? matchName(concept, sentence) : matchWord(concept, sentence)));
}

function matchName(concept: Concept, sentence: SentenceAnalysis): ConceptMatch {
  const mentions = sentence.entities.filter((e) => concept.names.includes(e.canonical) || concept.names.includes(e.key));
  if (mentions.length > 0) {
    const tokens = mentions.flatMap((e) => range(e.firstToken, e.lastToken));
    return { concept, strength: MATCH.exact, tokens };
  }
  // The name's words without the name: "Lee" of another Lee.
  const tokens = sentence.tokens.filter((t) => t.stems.some((s) => concept.stems.includes(s))).map((t) => t.index);
  return { concept, strength: tokens.length > 0 ? MATCH.partialName : 0, tokens };
}

function matchWord(concept: Concept, sentence: SentenceAnalysis): ConceptMatch {
  let strength = 0;
  const tokens: number[] = [];
  for (const token of sentence.tokens) {
    if (token.isStopWord) continue;
    const s = wordStrength(concept, token);
    if (s === 0) continue;
    if (s > strength) {
      strength = s;
      tokens.length = 0;
    }
    if (s === strength) tokens.push(token.index);
  }
  if (strength < MATCH.related) {
    const phrase = phraseTokens(concept.relatedPhrases ?? [], sentence.tokens);
    if (phrase.length > 0) return { concept, strength: MATCH.related, tokens: phrase };
  }
  return { concept, strength, tokens };
}

/** The tokens of the first of the phrases (stems in order) that the sentence says, word after word. */
function phraseTokens(phrases: readonly string[][], tokens: readonly Token[]): number[] {
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((stem, j) => tokens[i + j]!.stems.includes(stem))) return phrase.map((_, j) => tokens[i + j]!.index);
    }
  }
  return [];
}

function wordStrength(concept: Concept, token: Token): number {
  if (token.stems.some((s) => concept.stems.includes(s))) return MATCH.exact;
  if (token.stems.some((s) => concept.related.includes(s))) return MATCH.related;
  for (const spelling of concept.spellings) if (token.stems.includes(spelling.term)) return MATCH.spelling * spelling.weight;
  for (const paraphrase of concept.paraphrases) if (token.stems.includes(paraphrase.term)) return MATCH.paraphrase * paraphrase.weight;
  for (const relative of concept.relatives ?? []) if (token.stems.includes(relative.term)) return MATCH.paraphrase * relative.weight;
  const stem = concept.stems[0]!;
  const other = token.stems[0]!;
  if (stem.length >= MIN_PREFIX && other.length >= MIN_PREFIX && (other.startsWith(stem) || stem.startsWith(other))) {
    return MATCH.prefix;
  }
  return 0;
}

/**
 * The query asks about one nationality and the sentence names another in its place: "Japanese
 * prime minister" is not answered by "Chinese Premier Li Qiang", however well "premier" matches;
 * nor is a question about one people by a sentence that never names it and names another.
 */
export function contradictsNationality(matches: readonly ConceptMatch[], sentence: SentenceAnalysis): boolean {
  const asked = matches.find((m) => m.strength === 0 && m.concept.type === 'word' && NATIONALITIES.has(m.concept.stems[0]!));
  if (asked === undefined) return false;
  const askedStem = asked.concept.stems[0]!;
  const askedPeople = new Set([askedStem, ...(PLACE_OF_DEMONYM.get(askedStem) ?? [])]);
  // "who announced it on the Korean side": not "China's Foreign Ministry confirmed it", a sentence
  // that names another people and never the one asked about.
  const namesAnotherPeople = sentence.tokens.some((t) => {
    const stem = t.stems[0] ?? '';
    return (NATIONALITIES.has(stem) || PLACE_OF_DEMONYM.has(stem)) && !askedPeople.has(stem);
  });
  if (namesAnotherPeople) return true;
  return matches.some(
    (m) =>
      m.strength > 0 &&
      m.tokens.some((t) => {
        const before = sentence.tokens[t - 1];
        return before !== undefined && NATIONALITIES.has(before.stems[0]!);
      }),
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
