// Reading a query into concepts (src/search/queryConcepts.ts): the names the corpus knows linked to
// the full names they stand for, stop words dropped, words weighed by rarity, misspellings of long
// non-English words corrected (and nothing else), and a nationality that contradicts the one asked.
// Against the ferry story of tests/support/ferryCorpus.ts.

import { describe, expect, it } from 'vitest';
import { derivationsOf } from '../../src/language/paraphrases.js';
import { contradictsNationality, matchConcepts, queryConcepts, type Concept } from '../../src/search/queryConcepts.js';
import { analyse, ferryEngine } from '../support/ferryCorpus.js';

const engine = ferryEngine();
const conceptsOf = (query: string): Concept[] => queryConcepts(query, engine.index, engine.names);
const only = (query: string): Concept => {
  const concepts = conceptsOf(query);
  expect(concepts, `"${query}" is one concept`).toHaveLength(1);
  return concepts[0]!;
};

describe('names in a query', () => {
  it.each([
    ['a surname', 'Dahlgaard', 'henrik dahlgaard'],
    ['a full name', 'Henrik Dahlgaard', 'henrik dahlgaard'],
    ['a full name in lower case', 'mette rasmussen', 'mette rasmussen'],
    ['a first name', 'Sofie', 'sofie lund'],
    ['a surname that is an everyday word, capitalised', 'Hope', 'karen hope'],
  ])('%s ("%s") is linked to the person the corpus names in full', (_case, query, fullName) => {
    expect(only(query)).toMatchObject({ type: 'name', names: [fullName], known: true, properName: true });
  });

  it('reads a title before a name as a word of its own, and the name as the person', () => {
    expect(conceptsOf('Captain Dahlgaard').map((c) => [c.label, c.type, c.names])).toEqual([
      ['Captain', 'word', []],
      ['Dahlgaard', 'name', ['henrik dahlgaard']],
    ]);
  });

  it('reads an everyday word typed in lower case as the word, even where it is also a surname', () => {
    expect(only('hope')).toMatchObject({ type: 'word', names: [], properName: false });
  });

  it('marks a capitalised name the corpus lacks as an unknown proper name (what the engine abstains on)', () => {
    const concepts = conceptsOf('Olaf Petersen');
    expect(concepts.map((c) => [c.label, c.known, c.properName])).toEqual([
      ['Olaf', false, true],
      ['Petersen', false, true],
    ]);
  });
});

describe('stop words', () => {
  it.each([
    ['when did the ferry sink', ['ferry', 'sink']],
    ['the captain of the ferry', ['captain', 'ferry']],
    ['Was it Dahlgaard who left?', ['Dahlgaard', 'left']],
    ['what is it', []],
    ['the captain left befor the storm', ['captain', 'left', 'storm']],
    ['why did the ferry sink becuase of the storm', ['ferry', 'sink', 'storm']],
  ])('"%s" is read as %j', (query, labels) => {
    expect(conceptsOf(query).map((c) => c.label)).toEqual(labels);
  });
});

describe('weights', () => {
  it.each([
    ['lifeboats', 'ferry', 'said once in the corpus, against said in many sentences'],
    ['helicopters', 'storm', 'said once in the corpus, against said in many sentences'],
    ['bitcoin', 'banana', 'neither in the corpus: a rare English word against an everyday one'],
    ['bitcoin', 'lifeboats', 'a rare word the corpus lacks, against the rarest it has'],
  ])('"%s" weighs more than "%s" (%s)', (rarer, commoner) => {
    expect(only(rarer).weight).toBeGreaterThan(only(commoner).weight);
  });

  it('weighs a word the corpus has by its rarity there, an everyday word less ("water" and "lifeboats" are each said once)', () => {
    const water = only('water').weight;
    const lifeboats = only('lifeboats').weight;
    expect(water).toBeLessThan(0.8 * lifeboats);
    expect(water).toBeGreaterThan(0.3 * lifeboats);
  });
});

describe('misspelt words', () => {
  it.each([
    ['evacuaton', 'evacu'],
    ['helicoptres', 'helicopt'],
    ['coastgaurd', 'coastguard'],
    ['investigatrs', 'investig'],
  ])('"%s", a long word that is no English word, is read as the corpus word it is close to (%s)', (typed, stem) => {
    const concept = only(typed);
    expect(concept.known).toBe(true);
    expect(concept.spellings.map((s) => s.term)).toContain(stem);
    for (const spelling of concept.spellings) expect(spelling.weight).toBeLessThan(1);
  });

  it('leaves a capitalised word alone: a name the articles lack is no misspelling ("Tsorm", "Thea")', () => {
    expect(only('Tsorm').spellings).toEqual([]);
    expect(conceptsOf('What did Thea say').map((c) => c.label)).toContain('Thea');
  });

  it.each([
    ['stomr', 'storm'],
    ['tsorm', 'storm'],
    ['refe', 'reef'],
  ])('"%s", two letters typed the wrong way round, is read as "%s"', (typed, meant) => {
    expect(only(typed).spellings.map((s) => s.term)).toEqual(only(meant).stems);
  });

  it.each([
    ['reff', 'a short word: too many short words are a letter apart'],
    ['stom', 'a short word: too many short words are a letter apart'],
    ['salvation', 'an English word the corpus lacks, not a misspelt "salvage"'],
    ['fairy', 'an English word the corpus lacks, not a misspelt "ferry"'],
    ['wvacuation', 'its first letter differs from every corpus word it is close to'],
  ])('"%s" is not corrected (%s)', (typed) => {
    // Not read as a misspelling; WordNet may still relate it to a corpus word ("salvation" → "rescue").
    expect(only(typed)).toMatchObject({ spellings: [] });
  });

  it('leaves a word the corpus has as it is', () => {
    expect(only('evacuation')).toMatchObject({ spellings: [], known: true });
  });

  it('reads an English word as the start of its own longer forms only, not of another word ("coast" of "coastguard"; engine.test.ts: "exhibit" of "exhibitors")', () => {
    expect(only('helicop').spellings.map((s) => s.term)).toContain('helicopt');
    expect(only('coast').spellings).toEqual([]);
  });

  it('weighs a misspelt everyday word as the everyday word it stands for ("sinse" as "since"), a misspelt rare one as the rare one', () => {
    const since = only('since');
    const sinse = only('sinse');
    expect(sinse.spellings.map((s) => s.term)).toEqual(since.stems);
    expect(sinse.weight).toBeCloseTo(since.weight, 5);
    const lifeboats = only('lifeboats');
    expect(only('lifeboatz').weight).toBeCloseTo(lifeboats.weight, 5);
  });
});

describe('derived words', () => {
  it('are what WordNet derives from a word or it from them: the same idea as another part of speech', () => {
    expect(derivationsOf('lead').map((p) => p.lemma)).toContain('leader');
    expect(derivationsOf('testify').map((p) => p.lemma)).toContain('testimony');
    expect(derivationsOf('mayor').map((p) => p.lemma)).toContain('mayoral');
    expect(derivationsOf('lead').map((p) => p.lemma)).not.toContain('lead');
  });

  it('are matched for a word the corpus has, never as the word itself ("coordinator" is its own stem, not a derivation)', () => {
    const concept = only('coordinator');
    expect(concept.known).toBe(true);
    expect(concept.paraphrases.map((p) => p.term)).not.toContain(concept.stems[0]);
  });
});

describe('WordNet relatives of a word the corpus has', () => {
  it('match where the answer says it otherwise, less than a derived word or the word itself ("inquiry" → "question")', () => {
    const inquiry = only('inquiry');
    const [relative] = matchConcepts([inquiry], analyse(engine, 'Investigators will question the captain.'));
    const [itself] = matchConcepts([inquiry], analyse(engine, 'The inquiry opens on Monday.'));
    expect(relative!.strength).toBeGreaterThan(0);
    expect(relative!.strength).toBeLessThan(0.5 * itself!.strength);
  });
});

describe('phrasal verbs', () => {
  it.each([
    ['go down', 'go', 'sink'],
    ['look into', 'look', 'investig'],
    ['going down', 'going', 'sink'],
  ])('"%s" brings what the phrase means, which its verb alone does not: %s → %s', (query, label, stem) => {
    const concept = conceptsOf(query).find((c) => c.label === label)!;
    expect(concept.paraphrases.map((p) => p.term)).toContain(stem);
    const alone = only(label);
    expect(alone.paraphrases.map((p) => p.term)).not.toContain(stem);
  });

  it('takes the particle as part of the phrase, not as a word of its own that the answer must have', () => {
    expect(conceptsOf('the captain hung around the port').map((c) => c.label)).not.toContain('around');
    expect(conceptsOf('the lifeboats around the port').map((c) => c.label)).toContain('around');
  });

  it('reads no phrase where a preposition opens a time or a name ("go on Friday" is not "continue")', () => {
    expect(conceptsOf('go on Friday').find((c) => c.label === 'go')!.paraphrases).toEqual(only('go').paraphrases);
    expect(
      conceptsOf('go down in the storm')
        .find((c) => c.label === 'go')!
        .paraphrases.map((p) => p.term),
    ).toContain('sink');
  });

  it('reads no phrase where the word after the verb is no particle, or the two make no phrasal verb in WordNet', () => {
    expect(
      conceptsOf('go the ferry')
        .find((c) => c.label === 'go')!
        .paraphrases.map((p) => p.term),
    ).not.toContain('sink');
    expect(conceptsOf('ferry down').find((c) => c.label === 'ferry')!.paraphrases).toEqual(only('ferry').paraphrases);
  });
});

describe('matching a sentence', () => {
  it.each([
    ['the same word', 'lifeboats', 'The lifeboats could not be lowered.', 1],
    ['another form of the word', 'lowering lifeboat', 'The lifeboats could not be lowered.', 1],
    ['a country for its nationality', 'Denmark captain', 'Danish Captain Henrik Dahlgaard was the last to leave the ferry.', 0.7],
  ])('%s matches: "%s" in "%s"', (_case, query, text, weakest) => {
    const matches = matchConcepts(conceptsOf(query), analyse(engine, text));
    expect(Math.min(...matches.map((m) => m.strength))).toBeCloseTo(weakest, 6);
  });

  // The irregular verbs are wordnetMorphy.ts's list, which the stemmer reads too.
  it('matches a verb in the irregular past to its other forms ("sinks" in "sank")', () => {
    const matches = matchConcepts(conceptsOf('ferry sinks'), analyse(engine, 'The ferry Saltholm sank on Friday night.'));
    expect(matches.map((m) => [m.concept.label, m.strength])).toEqual([
      ['ferry', 1],
      ['sinks', 1],
    ]);
  });
});

describe('a nationality that contradicts the one asked', () => {
  const captain = 'Danish Captain Henrik Dahlgaard was the last to leave the ferry.';
  const coordinator = 'Swedish rescue coordinator Lars Bergkvist sent three helicopters from Gothenburg.';
  const authority = 'The Danish Maritime Authority will open an inquiry into the sinking on Monday in Copenhagen.';
  it.each([
    ['Swedish captain', captain, true],
    ['Norwegian rescue coordinator', coordinator, true],
    ['German maritime authority', authority, true],
    ['Danish captain', captain, false],
    ['Denmark captain', captain, false],
    ['Sweden rescue coordinator', coordinator, false],
    ['captain', captain, false],
    // The sentence names no people at all: it says nothing against the one asked.
    ['Swedish captain', 'The captain was the last to leave the ferry.', false],
    // It never names the people asked about, and names another: the helicopters are Swedish.
    ['Norwegian helicopters', coordinator, true],
    ['Norwegian inquiry announced', 'An inquiry was announced by Denmark on Monday.', true],
    ['Danish inquiry announced', 'An inquiry was announced by Denmark on Monday.', false],
  ])('"%s" against "%s": %s', (query, text, contradicts) => {
    const sentence = analyse(engine, text);
    expect(contradictsNationality(matchConcepts(conceptsOf(query), sentence), sentence)).toBe(contradicts);
  });
});
